package com.settledesk.cardchange.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.settledesk.shared.Timestamps;

/** Idempotency-Key bookkeeping: which request a key created, for which request body (by hash). */
@Component
class IdempotencyRecords {

	record Recorded(String requestHash, UUID resourceId) {
	}

	private final JdbcClient jdbc;
	private final Clock clock;

	IdempotencyRecords(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Recorded> find(String owner, String key) {
		return jdbc.sql("SELECT request_hash, response_body FROM idempotency_record WHERE owner = :owner AND idempotency_key = :key")
			.param("owner", owner).param("key", key)
			.query((rs, row) -> new Recorded(rs.getString("request_hash"), UUID.fromString(rs.getString("response_body"))))
			.optional();
	}

	void record(String owner, String key, String requestHash, UUID resourceId) {
		jdbc.sql("""
				INSERT INTO idempotency_record (owner, idempotency_key, request_hash, response_status, response_body, created_at)
				VALUES (:owner, :key, :hash, 201, :body, :at)""")
			.param("owner", owner).param("key", key).param("hash", requestHash).param("body", resourceId.toString())
			.param("at", Timestamps.toDb(clock.instant()))
			.update();
	}
}
