package com.settledesk.servicedesk.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.servicedesk.QueueFilter;
import com.settledesk.servicedesk.RelatedKind;
import com.settledesk.servicedesk.Team;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketMessage;
import com.settledesk.servicedesk.TicketStatus;
import com.settledesk.servicedesk.TicketView;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;

/** Tickets and their messages, in SQL. Saving checks the version read (optimistic locking). */
@Repository
class TicketRepository {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcClient jdbc;

	TicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** CS + the day + a four-digit counter of the day (e.g. CS20261127-0001), numbered under a row lock. */
	String nextNumber(LocalDate day) {
		String key = day.format(DAY);
		jdbc.sql("INSERT INTO ticket_counter (business_day, last_number) VALUES (:day, 0) ON CONFLICT DO NOTHING")
			.param("day", key).update();
		jdbc.sql("UPDATE ticket_counter SET last_number = last_number + 1 WHERE business_day = :day").param("day", key)
			.update();
		int last = jdbc.sql("SELECT last_number FROM ticket_counter WHERE business_day = :day").param("day", key)
			.query(Integer.class).single();
		return "CS" + key + "-" + String.format("%04d", last);
	}

	record Idempotent(UUID id, String requestHash) {
	}

	Optional<Idempotent> byIdempotencyKey(MerchantId merchantId, String key) {
		return jdbc.sql("SELECT id, request_hash FROM ticket WHERE merchant_id = :m AND idempotency_key = :k")
			.param("m", merchantId.value()).param("k", key)
			.query((rs, row) -> new Idempotent(rs.getObject(1, UUID.class), rs.getString(2))).optional();
	}

	void insert(Ticket t, String idempotencyKey, String requestHash) {
		jdbc.sql("""
				INSERT INTO ticket (id, number, merchant_id, category, subject, related_kind, related_id, status,
				    holder_team, assignee, opened_by, opened_at, first_answer_due, last_activity_at, idempotency_key,
				    request_hash, version)
				VALUES (:id, :number, :merchant, :category, :subject, :relatedKind, :relatedId, :status, :holder,
				    :assignee, :openedBy, :openedAt, :due, :activity, :key, :hash, 0)""")
			.param("id", t.id).param("number", t.number).param("merchant", t.merchantId.value())
			.param("category", t.category.name()).param("subject", t.subject)
			.param("relatedKind", t.relatedKind == null ? null : t.relatedKind.name()).param("relatedId", t.relatedId)
			.param("status", t.status.name()).param("holder", t.holder.name()).param("assignee", t.assignee)
			.param("openedBy", t.openedBy).param("openedAt", Timestamps.toDb(t.openedAt))
			.param("due", Timestamps.toDb(t.firstAnswerDue)).param("activity", Timestamps.toDb(t.lastActivityAt))
			.param("key", idempotencyKey).param("hash", requestHash).update();
		insertMessages(t);
	}

	void save(Ticket t) {
		int updated = jdbc.sql("""
				UPDATE ticket SET status = :status, holder_team = :holder, assignee = :assignee,
				    first_answered_at = :answered, last_activity_at = :activity, resolved_at = :resolved,
				    closed_at = :closed, rating = :rating, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", t.status.name()).param("holder", t.holder.name()).param("assignee", t.assignee)
			.param("answered", Timestamps.toDb(t.firstAnsweredAt)).param("activity", Timestamps.toDb(t.lastActivityAt))
			.param("resolved", Timestamps.toDb(t.resolvedAt)).param("closed", Timestamps.toDb(t.closedAt))
			.param("rating", t.rating).param("id", t.id).param("version", t.version).update();
		if (updated == 0) {
			throw new StateConflictException("CONCURRENT_UPDATE", "The ticket was changed meanwhile");
		}
		insertMessages(t);
	}

	private void insertMessages(Ticket t) {
		for (TicketMessage m : t.newMessages()) {
			jdbc.sql("""
					INSERT INTO ticket_message (id, ticket_id, author_side, author, body, internal, attachment_ids, created_at)
					VALUES (:id, :ticket, :side, :author, :body, :internal, :attachments, :at)""")
				.param("id", m.id()).param("ticket", t.id).param("side", m.side().name()).param("author", m.author())
				.param("body", m.body()).param("internal", m.internal())
				.param("attachments", m.attachmentIds().isEmpty() ? null
						: m.attachmentIds().stream().map(UUID::toString).collect(Collectors.joining(",")))
				.param("at", Timestamps.toDb(m.at())).update();
		}
	}

	Optional<Ticket> load(UUID id) {
		return jdbc.sql("SELECT * FROM ticket WHERE id = :id").param("id", id).query(TicketRepository::ticket).optional();
	}

	Optional<TicketView> find(UUID id) {
		return jdbc.sql("SELECT * FROM ticket WHERE id = :id").param("id", id).query(TicketRepository::ticket)
			.optional().map(t -> view(t, messages(t.id)));
	}

	List<TicketView> ofMerchant(MerchantId merchantId) {
		return views(jdbc.sql("SELECT * FROM ticket WHERE merchant_id = :m ORDER BY opened_at DESC LIMIT 200")
			.param("m", merchantId.value()).query(TicketRepository::ticket).list());
	}

	List<TicketView> queue(QueueFilter f, Instant now, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM ticket WHERE 1 = 1");
		Map<String, Object> params = new java.util.HashMap<>();
		if (f.status() != null) {
			sql.append(" AND status = :status");
			params.put("status", f.status().name());
		}
		else {
			sql.append(" AND status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_MERCHANT')");
		}
		if (f.category() != null) {
			sql.append(" AND category = :category");
			params.put("category", f.category().name());
		}
		if (f.olderThan() != null) {
			sql.append(" AND opened_at < :before");
			params.put("before", Timestamps.toDb(now.minus(f.olderThan())));
		}
		if (f.assignee() != null) {
			sql.append(" AND assignee = :assignee");
			params.put("assignee", f.assignee());
		}
		if (f.holder() != null) {
			sql.append(" AND holder_team = :holder");
			params.put("holder", f.holder().name());
		}
		sql.append(" ORDER BY first_answer_due, opened_at LIMIT :limit");
		params.put("limit", Math.max(1, Math.min(limit, 500)));
		return views(jdbc.sql(sql.toString()).params(params).query(TicketRepository::ticket).list());
	}

	/** Resolved tickets quiet since before the given time, oldest first, locked for closing. */
	List<UUID> quietResolved(Instant since, int limit) {
		return jdbc.sql("""
				SELECT id FROM ticket WHERE status = 'RESOLVED' AND last_activity_at < :since
				ORDER BY last_activity_at LIMIT :limit""")
			.param("since", Timestamps.toDb(since)).param("limit", limit).query(UUID.class).list();
	}

	Map<TicketStatus, Long> countByStatus() {
		Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
		Arrays.stream(TicketStatus.values()).forEach(s -> counts.put(s, 0L));
		jdbc.sql("SELECT status, COUNT(*) FROM ticket GROUP BY status")
			.query((rs, row) -> counts.put(TicketStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return counts;
	}

	Map<TicketCategory, Long> activeByCategory() {
		Map<TicketCategory, Long> counts = new EnumMap<>(TicketCategory.class);
		Arrays.stream(TicketCategory.values()).forEach(c -> counts.put(c, 0L));
		jdbc.sql("SELECT category, COUNT(*) FROM ticket WHERE status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_MERCHANT') GROUP BY category")
			.query((rs, row) -> counts.put(TicketCategory.valueOf(rs.getString(1)), rs.getLong(2))).list();
		return counts;
	}

	long firstAnswerBreaches(Instant now) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM ticket
				WHERE (first_answered_at IS NULL AND first_answer_due < :now AND status IN ('OPEN', 'IN_PROGRESS', 'WAITING_ON_MERCHANT'))
				   OR first_answered_at > first_answer_due""")
			.param("now", Timestamps.toDb(now)).query(Long.class).single();
	}

	/** Seconds from opening to the first answer, over answered tickets; empty when none was answered. */
	Optional<Double> averageFirstAnswerSeconds() {
		return jdbc.sql("""
				SELECT AVG(EXTRACT(EPOCH FROM first_answered_at) - EXTRACT(EPOCH FROM opened_at)) FROM ticket
				WHERE first_answered_at IS NOT NULL""")
			.query(Double.class).optional();
	}

	Map<Integer, Long> ratings() {
		Map<Integer, Long> counts = new java.util.TreeMap<>();
		jdbc.sql("SELECT rating, COUNT(*) FROM ticket WHERE rating IS NOT NULL GROUP BY rating")
			.query((rs, row) -> counts.put(rs.getInt(1), rs.getLong(2))).list();
		return counts;
	}

	private List<TicketView> views(List<Ticket> tickets) {
		List<TicketView> views = new ArrayList<>();
		for (Ticket t : tickets) {
			views.add(view(t, List.of()));
		}
		return views;
	}

	private List<TicketMessage> messages(UUID ticketId) {
		return jdbc.sql("SELECT * FROM ticket_message WHERE ticket_id = :id ORDER BY created_at, id")
			.param("id", ticketId)
			.query((rs, row) -> new TicketMessage(rs.getObject("id", UUID.class),
					TicketMessage.Side.valueOf(rs.getString("author_side")), rs.getString("author"), rs.getString("body"),
					rs.getBoolean("internal"), attachmentIds(rs.getString("attachment_ids")),
					Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class))))
			.list();
	}

	private static List<UUID> attachmentIds(String joined) {
		if (joined == null || joined.isBlank()) {
			return List.of();
		}
		List<UUID> ids = new ArrayList<>();
		for (String part : joined.split(",")) {
			try {
				ids.add(UUID.fromString(part.strip()));
			}
			catch (IllegalArgumentException e) {
				// a damaged list shows the attachments it can read
			}
		}
		return ids;
	}

	private static TicketView view(Ticket t, List<TicketMessage> messages) {
		return new TicketView(t.id, t.number, t.merchantId, t.category, t.subject, t.relatedKind, t.relatedId, t.status,
				t.holder, t.assignee, t.openedBy, t.openedAt, t.firstAnswerDue, t.firstAnsweredAt, t.lastActivityAt,
				t.resolvedAt, t.closedAt, t.rating, messages);
	}

	private static Ticket ticket(ResultSet rs, int row) throws SQLException {
		Ticket t = new Ticket(rs.getObject("id", UUID.class), rs.getString("number"),
				new MerchantId(rs.getObject("merchant_id", UUID.class)), TicketCategory.valueOf(rs.getString("category")),
				rs.getString("subject"), rs.getString("related_kind") == null ? null
						: RelatedKind.valueOf(rs.getString("related_kind")),
				rs.getString("related_id"), rs.getString("opened_by"),
				Timestamps.fromDb(rs.getObject("opened_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("first_answer_due", OffsetDateTime.class)),
				TicketStatus.valueOf(rs.getString("status")), Team.valueOf(rs.getString("holder_team")),
				rs.getLong("version"));
		t.assignee = rs.getString("assignee");
		t.firstAnsweredAt = Timestamps.fromDb(rs.getObject("first_answered_at", OffsetDateTime.class));
		t.lastActivityAt = Timestamps.fromDb(rs.getObject("last_activity_at", OffsetDateTime.class));
		t.resolvedAt = Timestamps.fromDb(rs.getObject("resolved_at", OffsetDateTime.class));
		t.closedAt = Timestamps.fromDb(rs.getObject("closed_at", OffsetDateTime.class));
		int rating = rs.getInt("rating");
		t.rating = rs.wasNull() ? null : rating;
		return t;
	}
}
