package com.settledesk.notification.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.SentMessage;
import com.settledesk.shared.Timestamps;

@Service
class NotificationService implements Notifications {

	private final MessageProvider provider;
	private final JdbcClient jdbc;

	NotificationService(MessageProvider provider, JdbcClient jdbc) {
		this.provider = provider;
		this.jdbc = jdbc;
	}

	@Override
	public void send(String to, Channel channel, String text) {
		provider.deliver(to, channel, text);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SentMessage> sentTo(String to, int limit) {
		return jdbc.sql("SELECT * FROM notification_message WHERE recipient = :to ORDER BY sent_at DESC LIMIT :limit")
			.param("to", to)
			.param("limit", Math.max(1, Math.min(limit, 200)))
			.query((rs, row) -> new SentMessage(rs.getString("recipient"), Channel.valueOf(rs.getString("channel")),
					rs.getString("body"), Timestamps.fromDb(rs.getObject("sent_at", OffsetDateTime.class))))
			.list();
	}
}
