package com.settledesk.notification.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import com.settledesk.notification.Channel;
import com.settledesk.shared.Masking;
import com.settledesk.shared.SimulatedCounterparty;

/**
 * Delivers nothing: accepts each message after a gateway-like delay. The message stays in the outbox table,
 * where the demo and tests read it (/dev/outbox). Like a gateway it can refuse, per recipient as told through
 * {@code POST /api/v1/dev/messages/outcomes}: throttled (try again later) or an invalid number (never).
 */
@Component
@ConditionalOnExpression(DevelopmentOutboxProvider.ACTIVE)
class DevelopmentOutboxProvider implements MessageProvider, SimulatedCounterparty {

	/** Stands in for the SMS gateway, the mail server, or both, as configured. */
	static final String ACTIVE = "'${settledesk.notification.provider:outbox}' == 'outbox' "
			+ "or '${settledesk.notification.mail-provider:outbox}' == 'outbox'";

	private static final Logger log = LoggerFactory.getLogger(DevelopmentOutboxProvider.class);

	enum Scripted {
		ACCEPTED, THROTTLED, INVALID_NUMBER
	}

	private final Duration latency;
	private final Set<Channel> channels = EnumSet.noneOf(Channel.class);
	private final Map<String, Scripted> outcomes = new ConcurrentHashMap<>();

	DevelopmentOutboxProvider(@Value("${settledesk.notification.simulated-latency:150ms}") Duration latency,
			@Value("${settledesk.notification.provider:outbox}") String smsProvider,
			@Value("${settledesk.notification.mail-provider:outbox}") String mailProvider) {
		this.latency = latency;
		if ("outbox".equals(smsProvider)) {
			channels.add(Channel.SMS);
		}
		if ("outbox".equals(mailProvider)) {
			channels.add(Channel.EMAIL);
		}
	}

	@Override
	public boolean handles(Channel channel) {
		return channels.contains(channel);
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
		log.info("{} to {} kept in the development outbox", message.channel(),
				message.to().contains("@") ? Masking.maskEmail(message.to()) : Masking.maskPhone(message.to()));
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
