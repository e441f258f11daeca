package com.settledesk.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.notification.Channel;
import com.settledesk.notification.Delivery;
import com.settledesk.notification.DeliveryStatus;
import com.settledesk.notification.SentMessage;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Timestamps;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The queue of outgoing messages (table notification_message): written with the change, drained by the dispatcher. */
@Repository
class MessageQueue {

	private final JdbcClient jdbc;
	private final JsonMapper json;

	MessageQueue(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void enqueue(OutgoingMessage message, Instant now) {
		jdbc.sql("""
				INSERT INTO notification_message (id, recipient, channel, subject, body, sent_at, template, template_args,
				    language, status, attempts, next_attempt_at)
				VALUES (:id, :to, :channel, :subject, :body, :at, :template, :args, :language, 'PENDING', 0, :at)""")
			.param("subject", message.subject()).param("language", message.language().toLanguageTag())
			.param("id", message.id()).param("to", message.to()).param("channel", message.channel().name())
			.param("body", message.text()).param("at", Timestamps.toDb(now)).param("template", message.template())
			.param("args", json.writeValueAsString(message.args()))
			.update();
	}

	/**
	 * Takes up to {@code limit} due messages for this dispatcher: marked SENDING with a lease, so another
	 * instance skips them, and a message whose sender died is due again once the lease has run out.
	 */
	List<OutgoingMessage> claimDue(Instant now, Instant leaseUntil, int limit) {
		List<OutgoingMessage> due = jdbc.sql("""
				SELECT id, recipient, channel, template, template_args, language, subject, body FROM notification_message
				WHERE status IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
				ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamps.toDb(now)).param("limit", limit)
			.query(this::outgoing).list();
		due.forEach(m -> jdbc.sql("""
				UPDATE notification_message SET status = 'SENDING', attempts = attempts + 1, next_attempt_at = :lease
				WHERE id = :id""").param("lease", Timestamps.toDb(leaseUntil)).param("id", m.id()).update());
		return due;
	}

	void delivered(UUID id, String reference, Instant now) {
		jdbc.sql("""
				UPDATE notification_message SET status = 'SENT', delivered_at = :now, provider_reference = :ref,
				    next_attempt_at = NULL, last_error = NULL WHERE id = :id""")
			.param("now", Timestamps.toDb(now)).param("ref", reference).param("id", id).update();
	}

	/** Tries again at {@code next}, or gives up (FAILED) when {@code next} is null. */
	void failed(UUID id, String reason, Instant next) {
		jdbc.sql("""
				UPDATE notification_message SET status = :status, next_attempt_at = :next, last_error = :reason
				WHERE id = :id""")
			.param("status", next == null ? "FAILED" : "PENDING").param("next", Timestamps.toDb(next))
			.param("reason", reason.length() > 300 ? reason.substring(0, 300) : reason).param("id", id).update();
	}

	int attempts(UUID id) {
		return jdbc.sql("SELECT attempts FROM notification_message WHERE id = :id").param("id", id).query(Integer.class)
			.single();
	}

	long backlog() {
		return jdbc.sql("SELECT COUNT(*) FROM notification_message WHERE status IN ('PENDING', 'SENDING')")
			.query(Long.class).single();
	}

	List<SentMessage> sentTo(String to, int limit) {
		return jdbc.sql("SELECT * FROM notification_message WHERE recipient = :to ORDER BY sent_at DESC LIMIT :limit")
			.param("to", to).param("limit", Math.max(1, Math.min(limit, 200)))
			.query((rs, row) -> new SentMessage(rs.getString("recipient"), Channel.valueOf(rs.getString("channel")),
					rs.getString("body"), Timestamps.fromDb(rs.getObject("sent_at", OffsetDateTime.class)),
					DeliveryStatus.valueOf(rs.getString("status"))))
			.list();
	}

	List<Delivery> deliveries(Set<DeliveryStatus> statuses, int limit) {
		return jdbc.sql("SELECT * FROM notification_message WHERE status IN (:statuses) ORDER BY sent_at DESC LIMIT :limit")
			.param("statuses", statuses.stream().map(Enum::name).toList())
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(MessageQueue::delivery)
			.list();
	}

	List<Delivery> deliveriesTo(String to, int limit) {
		return jdbc.sql("SELECT * FROM notification_message WHERE recipient = :to ORDER BY sent_at DESC LIMIT :limit")
			.param("to", to).param("limit", Math.max(1, Math.min(limit, 200)))
			.query(MessageQueue::delivery)
			.list();
	}

	/** The stored message with this id and recipient, ready to be queued again under a new id. */
	Optional<OutgoingMessage> copyOf(UUID id, String to) {
		return jdbc.sql("SELECT * FROM notification_message WHERE id = :id AND recipient = :to").param("id", id)
			.param("to", to).query(this::outgoing).optional()
			.map(m -> new OutgoingMessage(UUID.randomUUID(), m.to(), m.channel(), m.template(), m.args(), m.language(),
					m.subject(), m.text()));
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getObject("id", UUID.class), mask(rs), Channel.valueOf(rs.getString("channel")),
					rs.getString("template"), DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
					rs.getString("last_error"), Timestamps.fromDb(rs.getObject("sent_at", OffsetDateTime.class)),
					Timestamps.fromDb(rs.getObject("next_attempt_at", OffsetDateTime.class)),
					Timestamps.fromDb(rs.getObject("delivered_at", OffsetDateTime.class)));
	}

	Map<DeliveryStatus, Long> counts() {
		Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT status, COUNT(*) AS n FROM notification_message GROUP BY status").query().listOfRows()
			.forEach(row -> counts.put(DeliveryStatus.valueOf((String) row.get("status")), ((Number) row.get("n")).longValue()));
		return counts;
	}

	private static Locale language(String tag) {
		return tag == null || tag.isBlank() ? Locale.SIMPLIFIED_CHINESE : Locale.forLanguageTag(tag);
	}

	private static String mask(ResultSet rs) throws SQLException {
		String to = rs.getString("recipient");
		return to.contains("@") ? Masking.maskEmail(to) : Masking.maskPhone(to);
	}

	private OutgoingMessage outgoing(ResultSet rs, int row) throws SQLException {
		String args = rs.getString("template_args");
		return new OutgoingMessage(rs.getObject("id", UUID.class), rs.getString("recipient"),
				Channel.valueOf(rs.getString("channel")), rs.getString("template"),
				args == null ? List.of() : json.readValue(args, new TypeReference<List<String>>() {
				}), language(rs.getString("language")), rs.getString("subject"), rs.getString("body"));
	}
}
