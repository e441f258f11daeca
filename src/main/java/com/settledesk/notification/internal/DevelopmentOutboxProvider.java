package com.settledesk.notification.internal;

import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.settledesk.notification.Channel;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Timestamps;

/** Delivers nothing: keeps each message in the outbox table, where the demo and tests read it. */
@Component
class DevelopmentOutboxProvider implements MessageProvider {

	private static final Logger log = LoggerFactory.getLogger(DevelopmentOutboxProvider.class);

	private final JdbcClient jdbc;
	private final Clock clock;

	DevelopmentOutboxProvider(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void deliver(String to, Channel channel, String text) {
		jdbc.sql("INSERT INTO notification_message (id, recipient, channel, body, sent_at) VALUES (:id, :to, :channel, :body, :at)")
			.param("id", UUID.randomUUID())
			.param("to", to)
			.param("channel", channel.name())
			.param("body", text)
			.param("at", Timestamps.toDb(clock.instant()))
			.update();
		log.info("{} to {} kept in the development outbox", channel, Masking.maskPhone(to));
	}
}
