package com.settledesk.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.settledesk.notification.Channel;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.SimulatedCounterparty;

/** Delivers nothing: keeps each message in the outbox table, where the demo and tests read it. */
@Component
@ConditionalOnProperty(name = "settledesk.notification.provider", havingValue = "outbox")
class DevelopmentOutboxProvider implements MessageProvider, SimulatedCounterparty {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentOutboxProvider.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Duration latency;

	DevelopmentOutboxProvider(JdbcClient jdbc, Clock clock,
			@Value("${settledesk.notification.simulated-latency:150ms}") Duration latency) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.latency = latency;
	}

	@Override
	public void deliver(String to, Channel channel, String text) {
		simulateGatewayRoundTrip();
		jdbc.sql("INSERT INTO notification_message (id, recipient, channel, body, sent_at) VALUES (:id, :to, :channel, :body, :at)")
			.param("id", UUID.randomUUID())
			.param("to", to)
			.param("channel", channel.name())
			.param("body", text)
			.param("at", Timestamps.toDb(clock.instant()))
			.update();
		log.info("{} to {} kept in the development outbox", channel, Masking.maskPhone(to));
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
