package com.settledesk.notification.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
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
	private final MessageSource templates;

	NotificationService(MessageProvider provider, JdbcClient jdbc, MessageSource templates) {
		this.provider = provider;
		this.jdbc = jdbc;
		this.templates = templates;
	}

	@Override
	public void send(String to, Channel channel, String text) {
		provider.deliver(to, channel, text);
	}

	@Override
	public void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language) {
		send(to, channel, templates.getMessage(template, args, language));
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
