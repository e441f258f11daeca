package com.settledesk.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.settledesk.audit.AuditEntry;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.audit.ChainVerification;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Timestamps;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends under a row lock on the chain head, so concurrent writers form one linear chain; the lock is
 * held until the caller's transaction ends, which keeps entries in commit order.
 */
@Service
class JdbcAuditLog implements AuditLog {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;

	JdbcAuditLog(JdbcClient jdbc, Clock clock, JsonMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
	}

	@Override
	@Transactional
	public void record(AuditEvent event) {
		Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query().singleRow();
		long seq = ((Number) head.get("last_seq")).longValue() + 1;
		String prevHash = (String) head.get("last_hash");
		AuditEntry unsealed = new AuditEntry(seq, Timestamps.stored(clock.instant()), actorOf(event),
				event.action(), event.targetType(), event.targetId(), ipOf(event), state(event.before()),
				state(event.after()), prevHash, null);
		String hash = AuditHash.of(unsealed);
		jdbc.sql("""
				INSERT INTO audit_entry (seq, occurred_at, actor, action, target_type, target_id, client_ip,
				    before_state, after_state, prev_hash, entry_hash)
				VALUES (:seq, :at, :actor, :action, :targetType, :targetId, :ip, :before, :after, :prevHash, :hash)""")
			.param("seq", seq)
			.param("at", Timestamps.toDb(unsealed.occurredAt()))
			.param("actor", unsealed.actor())
			.param("action", unsealed.action())
			.param("targetType", unsealed.targetType())
			.param("targetId", unsealed.targetId())
			.param("ip", unsealed.clientIp())
			.param("before", unsealed.before())
			.param("after", unsealed.after())
			.param("prevHash", prevHash)
			.param("hash", hash)
			.update();
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq).param("hash", hash).update();
	}

	@Override
	@Transactional(readOnly = true)
	public ChainVerification verifyChain() {
		String expectedPrev = AuditHash.GENESIS;
		long expectedSeq = 1;
		long checked = 0;
		try (Stream<AuditEntry> entries = jdbc.sql("SELECT * FROM audit_entry ORDER BY seq")
			.query(JdbcAuditLog::entry).stream()) {
			for (AuditEntry entry : (Iterable<AuditEntry>) entries::iterator) {
				if (entry.seq() != expectedSeq) {
					return ChainVerification.brokenAt(checked, expectedSeq, "entry missing");
				}
				if (!entry.prevHash().equals(expectedPrev)) {
					return ChainVerification.brokenAt(checked, entry.seq(), "link to the previous entry broken");
				}
				if (!AuditHash.of(entry).equals(entry.hash())) {
					return ChainVerification.brokenAt(checked, entry.seq(), "content altered");
				}
				checked++;
				expectedSeq++;
				expectedPrev = entry.hash();
			}
		}
		Map<String, Object> head = jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
			.query().singleRow();
		if (((Number) head.get("last_seq")).longValue() != checked || !expectedPrev.equals(head.get("last_hash"))) {
			return ChainVerification.brokenAt(checked, checked + 1, "entries removed from the end");
		}
		return ChainVerification.intact(checked);
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(JdbcAuditLog::entry).list();
	}

	private String state(Map<String, ?> state) {
		return state == null ? null : Masking.maskSensitiveNumbers(json.writeValueAsString(state));
	}

	private static String actorOf(AuditEvent event) {
		if (event.actor() != null) {
			return Masking.maskSensitiveNumbers(event.actor());
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.isAuthenticated() ? auth.getName() : "system";
	}

	private static String ipOf(AuditEvent event) {
		if (event.clientIp() != null) {
			return event.clientIp();
		}
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		Instant at = Timestamps.fromDb(rs.getObject("occurred_at", OffsetDateTime.class));
		return new AuditEntry(rs.getLong("seq"), at, rs.getString("actor"), rs.getString("action"),
				rs.getString("target_type"), rs.getString("target_id"), rs.getString("client_ip"),
				rs.getString("before_state"), rs.getString("after_state"), rs.getString("prev_hash"),
				rs.getString("entry_hash"));
	}
}
