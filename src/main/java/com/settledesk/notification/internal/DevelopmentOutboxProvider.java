package com.settledesk.notification.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.settledesk.shared.Masking;
import com.settledesk.shared.SimulatedCounterparty;

/**
 * Delivers nothing: accepts each message after a gateway-like delay. The message stays in the outbox table,
 * where the demo and tests read it (/dev/outbox). Like a gateway it can refuse, per recipient as told through
 * {@code POST /api/v1/dev/messages/outcomes}: throttled (try again later) or an invalid number (never).
 */
@Component
@ConditionalOnProperty(name = "settledesk.notification.provider", havingValue = "outbox")
class DevelopmentOutboxProvider implements MessageProvider, SimulatedCounterparty {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentOutboxProvider.class);

	enum Scripted {
		ACCEPTED, THROTTLED, INVALID_NUMBER
	}

	private final Duration latency;
	private final Map<String, Scripted> outcomes = new ConcurrentHashMap<>();

	DevelopmentOutboxProvider(@Value("${settledesk.notification.simulated-latency:150ms}") Duration latency) {
		this.latency = latency;
	}

	void script(String to, Scripted outcome) {
		outcomes.put(to, outcome);
	}

	@Override
	public String deliver(OutgoingMessage message) throws DeliveryFailedException {
		simulateGatewayRoundTrip();
		switch (outcomes.getOrDefault(message.to(), Scripted.ACCEPTED)) {
			case THROTTLED -> throw DeliveryFailedException.later("gateway throttled the recipient");
			case INVALID_NUMBER -> throw DeliveryFailedException.refused("gateway: invalid number");
			case ACCEPTED -> {
			}
		}
		log.info("{} to {} kept in the development outbox", message.channel(), Masking.maskPhone(message.to()));
		return "OUTBOX-" + message.id();
	}

	/** A real SMS gateway answers in tens to hundreds of milliseconds; so does this one. */
	private void simulateGatewayRoundTrip() {
		if (latency.isZero()) {
			return;
		}
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(latency.toMillis() / 2, latency.toMillis() + 1));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String counterparty() {
		return "messages";
	}
}
