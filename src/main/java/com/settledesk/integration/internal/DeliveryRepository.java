package com.settledesk.integration.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.integration.DeliveryView;
import com.settledesk.integration.EventType;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;

/** Integration events and their deliveries to endpoints, in SQL. */
@Repository
class DeliveryRepository {

	/** After this many failed attempts a delivery no longer holds back the endpoint's later events. */
	static final int ORDER_HELD_FOR_ATTEMPTS = 3;

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the event unless its source was stored already (a listener retried); answers whether it stored it. */
	boolean insertEvent(UUID id, EventType type, MerchantId merchantId, String sourceKey, String body, Instant at) {
		return jdbc.sql("""
				INSERT INTO integration_event (id, type, merchant_id, source_key, body, created_at)
				VALUES (:id, :type, :merchant, :source, :body, :at) ON CONFLICT DO NOTHING""")
			.param("id", id).param("type", type.name()).param("merchant", merchantId.value()).param("source", sourceKey)
			.param("body", body).param("at", Timestamps.toDb(at)).update() == 1;
	}

	void insertDelivery(UUID endpointId, UUID eventId, Instant at) {
		jdbc.sql("""
				INSERT INTO webhook_delivery (id, seq, endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
				SELECT :id, seq, :endpoint, id, 'PENDING', 0, :at, :at FROM integration_event WHERE id = :event
				ON CONFLICT DO NOTHING""")
			.param("id", UUID.randomUUID()).param("endpoint", endpointId).param("event", eventId)
			.param("at", Timestamps.toDb(at)).update();
	}

	record Due(UUID id, UUID endpointId, UUID eventId, int attempts, String body, Instant eventCreatedAt) {
	}

	/**
	 * Takes up to {@code limit} due deliveries under a lease (another instance skips them; one whose instance died is
	 * due again when the lease ends). An endpoint's delivery waits while an earlier one of it is still pending and has
	 * not failed {@link #ORDER_HELD_FOR_ATTEMPTS} times: events arrive in order while the receiver is healthy.
	 */
	List<Due> claimDue(Instant now, Instant leaseUntil, int limit) {
		return claim("", null, now, leaseUntil, limit);
	}

	/** The endpoint's next due delivery under a lease, by the same rule as {@link #claimDue}. */
	Optional<Due> claimNext(UUID endpointId, Instant now, Instant leaseUntil) {
		return claim("AND d.endpoint_id = :endpoint", endpointId, now, leaseUntil, 1).stream().findFirst();
	}

	private List<Due> claim(String endpointCondition, UUID endpointId, Instant now, Instant leaseUntil, int limit) {
		record Claimed(UUID id, UUID endpointId, UUID eventId, int attempts) {
		}
		var query = jdbc.sql("""
				SELECT d.id, d.endpoint_id, d.event_id, d.attempts FROM webhook_delivery d
				WHERE d.status = 'PENDING' AND d.next_attempt_at <= :now AND (d.lease_until IS NULL OR d.lease_until < :now)
				  %s AND NOT EXISTS (SELECT 1 FROM webhook_delivery p WHERE p.endpoint_id = d.endpoint_id
				      AND p.status = 'PENDING' AND p.seq < d.seq AND p.attempts < :held)
				ORDER BY d.seq LIMIT :limit FOR UPDATE SKIP LOCKED""".formatted(endpointCondition))
			.param("now", Timestamps.toDb(now)).param("held", ORDER_HELD_FOR_ATTEMPTS).param("limit", limit);
		if (endpointId != null) {
			query = query.param("endpoint", endpointId);
		}
		List<Claimed> claimed = query.query((rs, row) -> new Claimed(rs.getObject(1, UUID.class),
				rs.getObject(2, UUID.class), rs.getObject(3, UUID.class), rs.getInt(4))).list();
		if (claimed.isEmpty()) {
			return List.of();
		}
		jdbc.sql("UPDATE webhook_delivery SET lease_until = :lease WHERE id IN (:ids)")
			.param("lease", Timestamps.toDb(leaseUntil)).param("ids", claimed.stream().map(Claimed::id).toList())
			.update();
		java.util.Map<UUID, Object[]> events = new java.util.HashMap<>();
		jdbc.sql("SELECT id, body, created_at FROM integration_event WHERE id IN (:ids)")
			.param("ids", claimed.stream().map(Claimed::eventId).distinct().toList())
			.query((rs, row) -> events.put(rs.getObject(1, UUID.class), new Object[] { rs.getString(2),
					Timestamps.fromDb(rs.getObject(3, OffsetDateTime.class)) }))
			.list();
		return claimed.stream().map(c -> {
			Object[] event = events.get(c.eventId());
			return new Due(c.id(), c.endpointId(), c.eventId(), c.attempts(), (String) event[0], (Instant) event[1]);
		}).toList();
	}

	void delivered(UUID id, int status, long latencyMs, Instant now) {
		jdbc.sql("""
				UPDATE webhook_delivery SET status = 'DELIVERED', attempts = attempts + 1, last_status_code = :code,
				    last_latency_ms = :latency, last_error = NULL, last_attempt_at = :now, delivered_at = :now,
				    lease_until = NULL WHERE id = :id""")
			.param("code", status).param("latency", latencyMs).param("now", Timestamps.toDb(now)).param("id", id)
			.update();
	}

	/** A failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
	void failed(UUID id, Integer status, Long latencyMs, String error, Instant now, Instant next) {
		jdbc.sql("""
				UPDATE webhook_delivery SET status = :status, attempts = attempts + 1, last_status_code = :code,
				    last_latency_ms = :latency, last_error = :error, last_attempt_at = :now,
				    next_attempt_at = COALESCE(:next, next_attempt_at), lease_until = NULL WHERE id = :id""")
			.param("status", next == null ? "GAVE_UP" : "PENDING").param("code", status).param("latency", latencyMs)
			.param("error", error == null ? null : error.substring(0, Math.min(error.length(), 300)))
			.param("now", Timestamps.toDb(now)).param("next", Timestamps.toDb(next)).param("id", id).update();
	}

	/** Due again now, whatever became of it; answers false when the endpoint never had this event. */
	boolean again(UUID endpointId, UUID eventId, Instant now) {
		return jdbc.sql("""
				UPDATE webhook_delivery SET status = 'PENDING', next_attempt_at = :now, lease_until = NULL
				WHERE endpoint_id = :endpoint AND event_id = :event""")
			.param("now", Timestamps.toDb(now)).param("endpoint", endpointId).param("event", eventId).update() == 1;
	}

	List<DeliveryView> ofEndpoint(UUID endpointId, int limit) {
		return jdbc.sql("""
				SELECT d.*, e.type FROM webhook_delivery d JOIN integration_event e ON e.id = d.event_id
				WHERE d.endpoint_id = :endpoint ORDER BY d.seq DESC LIMIT :limit""")
			.param("endpoint", endpointId).param("limit", Math.max(1, Math.min(limit, 200)))
			.query((rs, row) -> {
				int code = rs.getInt("last_status_code");
				Integer responseCode = rs.wasNull() ? null : code;
				long latency = rs.getLong("last_latency_ms");
				Long latencyMs = rs.wasNull() ? null : latency;
				return new DeliveryView(rs.getObject("event_id", UUID.class), type(rs.getString("type")),
						rs.getString("status"), rs.getInt("attempts"), responseCode, latencyMs, rs.getString("last_error"),
						Timestamps.fromDb(rs.getObject("last_attempt_at", OffsetDateTime.class)),
						Timestamps.fromDb(rs.getObject("next_attempt_at", OffsetDateTime.class)),
						Timestamps.fromDb(rs.getObject("delivered_at", OffsetDateTime.class)));
			})
			.list();
	}

	record StoredEvent(UUID id, String type, String body) {
	}

	/** The events with these ids, in the order they were recorded; type as on the wire. */
	List<StoredEvent> events(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, type, body FROM integration_event WHERE id IN (:ids) ORDER BY seq")
			.param("ids", ids)
			.query((rs, row) -> {
				EventType type = type(rs.getString(2));
				return new StoredEvent(rs.getObject(1, UUID.class), type == null ? rs.getString(2) : type.wireName(),
						rs.getString(3));
			})
			.list();
	}

	Optional<String> body(UUID eventId) {
		return jdbc.sql("SELECT body FROM integration_event WHERE id = :id").param("id", eventId).query(String.class)
			.optional();
	}

	private static EventType type(String name) {
		try {
			return EventType.valueOf(name);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
