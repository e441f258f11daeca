package com.settledesk.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.notification.Channel;
import com.settledesk.notification.Delivery;
import com.settledesk.notification.DeliveryStatus;
import com.settledesk.notification.InboxMessage;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.SentMessage;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;

@Service
class NotificationService implements Notifications {

	private final MessageQueue queue;
	private final JdbcClient jdbc;
	private final MessageSource templates;
	private final Clock clock;

	NotificationService(MessageQueue queue, JdbcClient jdbc, MessageSource templates, Clock clock) {
		this.clock = clock;
		this.queue = queue;
		this.jdbc = jdbc;
		this.templates = templates;
	}

	/** An SMS reads as the carrier shows it: the sign (签名) first, then the template's text. */
	@Override
	@Transactional
	public void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language) {
		String text = templates.getMessage(template, args, language);
		if (channel == Channel.SMS) {
			text = templates.getMessage("sms.prefix", null, "", language) + text;
		}
		List<String> values = Arrays.stream(args == null ? new Object[0] : args).map(String::valueOf).toList();
		queue.enqueue(new OutgoingMessage(UUID.randomUUID(), to, channel, template, values, text), clock.instant());
	}

	@Override
	public void inApp(MerchantId merchantId, String title, String body) {
		jdbc.sql("INSERT INTO inbox_message (id, merchant_id, title, body, created_at) VALUES (:id, :merchant, :title, :body, :at)")
			.param("id", UUID.randomUUID()).param("merchant", merchantId.value()).param("title", title).param("body", body)
			.param("at", Timestamps.toDb(clock.instant())).update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<InboxMessage> inbox(MerchantId merchantId, int limit) {
		return jdbc.sql("SELECT * FROM inbox_message WHERE merchant_id = :merchant ORDER BY created_at DESC LIMIT :limit")
			.param("merchant", merchantId.value()).param("limit", Math.max(1, Math.min(limit, 200)))
			.query((rs, row) -> new InboxMessage(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("body"),
					Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)), rs.getObject("read_at") != null))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public long unread(MerchantId merchantId) {
		return jdbc.sql("SELECT COUNT(*) FROM inbox_message WHERE merchant_id = :merchant AND read_at IS NULL")
			.param("merchant", merchantId.value()).query(Long.class).single();
	}

	@Override
	@Transactional
	public void markAllRead(MerchantId merchantId) {
		jdbc.sql("UPDATE inbox_message SET read_at = :now WHERE merchant_id = :merchant AND read_at IS NULL")
			.param("now", Timestamps.toDb(clock.instant())).param("merchant", merchantId.value()).update();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SentMessage> sentTo(String to, int limit) {
		return queue.sentTo(to, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Delivery> deliveries(Set<DeliveryStatus> statuses, int limit) {
		return statuses.isEmpty() ? List.of() : queue.deliveries(statuses, limit);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<DeliveryStatus, Long> deliveryCounts() {
		return queue.counts();
	}
}
