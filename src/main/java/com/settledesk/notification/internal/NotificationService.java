package com.settledesk.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.notification.Channel;
import com.settledesk.notification.Delivery;
import com.settledesk.notification.DeliveryStatus;
import com.settledesk.notification.InboxMessage;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.NoticePreferences;
import com.settledesk.notification.Recipient;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.SentMessage;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;

@Service
class NotificationService implements Notifications {

	/** An address a mail server accepts and a person can read back; not every RFC 5322 form. */
	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,185}\\.[A-Za-z]{2,24}");

	private final MessageQueue queue;
	private final NoticePreferenceRepository preferences;
	private final AuditLog audit;
	private final JdbcClient jdbc;
	private final MessageSource templates;
	private final Clock clock;

	NotificationService(MessageQueue queue, NoticePreferenceRepository preferences, AuditLog audit, JdbcClient jdbc,
			MessageSource templates, Clock clock) {
		this.clock = clock;
		this.queue = queue;
		this.preferences = preferences;
		this.audit = audit;
		this.jdbc = jdbc;
		this.templates = templates;
	}

	@Override
	@Transactional
	public void notifyMerchant(Recipient recipient, NoticeKind kind, String notice, Object[] args) {
		MerchantId merchantId = recipient.merchantId();
		Locale language = recipient.language();
		String title = templates.getMessage(notice + ".title", args, language);
		String body = templates.getMessage(notice + ".body", args, language);
		inApp(merchantId, title, body);
		NoticePreferences wanted = preferences(merchantId);
		List<String> values = strings(args);
		if (wanted.wantsSms(kind)) {
			String text = templates.getMessage("sms.prefix", null, "", language) + body;
			queue.enqueue(new OutgoingMessage(UUID.randomUUID(), recipient.phone(), Channel.SMS, notice + ".body",
					values, language, null, text), clock.instant());
		}
		if (wanted.wantsEmail(kind)) {
			queue.enqueue(new OutgoingMessage(UUID.randomUUID(), wanted.email(), Channel.EMAIL, notice, values, language,
					templates.getMessage("mail.subjectPrefix", null, "", language) + title, body), clock.instant());
		}
	}

	@Override
	@Transactional(readOnly = true)
	public NoticePreferences preferences(MerchantId merchantId) {
		return preferences.find(merchantId).orElseGet(NoticePreferences::defaults);
	}

	@Override
	@Transactional
	public NoticePreferences updatePreferences(MerchantId merchantId, NoticePreferences wanted, String by) {
		if (wanted.email() != null && (wanted.email().length() > 200 || !EMAIL.matcher(wanted.email()).matches())) {
			throw new ValidationFailedException(new FieldViolation("email", "INVALID_EMAIL"));
		}
		if (wanted.email() == null && !wanted.byEmail().isEmpty()) {
			throw new ValidationFailedException(new FieldViolation("email", "REQUIRED"));
		}
		NoticePreferences before = preferences(merchantId);
		preferences.save(merchantId, wanted, by, clock.instant());
		audit.record(AuditEvent.of("NOTICE_PREFERENCES_CHANGED", "MERCHANT", merchantId.toString()).by(by)
			.before(describe(before)).after(describe(wanted)));
		return preferences(merchantId);
	}

	private static Map<String, Object> describe(NoticePreferences p) {
		return Map.of("email", p.email() == null ? "" : Masking.maskEmail(p.email()), "sms", p.bySms().toString(),
				"email_kinds", p.byEmail().toString());
	}

	private static List<String> strings(Object[] args) {
		return Arrays.stream(args == null ? new Object[0] : args).map(String::valueOf).toList();
	}

	/** An SMS reads as the carrier shows it: the sign (签名) first, then the template's text. */
	@Override
	@Transactional
	public void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language) {
		String text = templates.getMessage(template, args, language);
		if (channel == Channel.SMS) {
			text = templates.getMessage("sms.prefix", null, "", language) + text;
		}
		queue.enqueue(new OutgoingMessage(UUID.randomUUID(), to, channel, template, strings(args), language, null, text),
				clock.instant());
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
	public List<Delivery> deliveriesTo(String to, int limit) {
		return to == null ? List.of() : queue.deliveriesTo(to, limit);
	}

	@Override
	@Transactional
	public void resend(UUID deliveryId, String to, String by) {
		OutgoingMessage copy = queue.copyOf(deliveryId, to).orElseThrow(() -> new ResourceNotFoundException("Message"));
		if (copy.template() != null && copy.template().startsWith("sms.otp.")) {
			throw new StateConflictException("MESSAGE_NOT_RESENDABLE", "A one-time code is never sent again");
		}
		queue.enqueue(copy, clock.instant());
		audit.record(AuditEvent.of("NOTICE_RESENT", "MESSAGE", deliveryId.toString()).by(by)
			.after(Map.of("copy", copy.id().toString(), "template", String.valueOf(copy.template()))));
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
