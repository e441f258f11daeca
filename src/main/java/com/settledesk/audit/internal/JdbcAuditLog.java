package com.settledesk.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import com.settledesk.audit.AuditEntry;
import com.settledesk.audit.ChainAnchor;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.audit.ChainVerification;
import com.settledesk.secrets.AuditChainKeys;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Timestamps;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends under a row lock on the chain head, so concurrent writers form one linear chain; the lock is
 * held until the caller's transaction ends, which keeps entries in commit order. Each entry is sealed with
 * the active audit key; verification reads the chain a page at a time against the latest anchors.
 */
@Service
class JdbcAuditLog implements AuditLog {

	private static final Logger log = LoggerFactory.getLogger(JdbcAuditLog.class);

	private final JdbcClient jdbc;
	private final Clock clock;
	private final JsonMapper json;
	private final AuditChainKeys keys;
	private final AnchorFolder anchors;
	private final AuditProperties properties;
	private final AtomicReference<ChainVerification> last = new AtomicReference<>();

	JdbcAuditLog(JdbcClient jdbc, Clock clock, JsonMapper json, AuditChainKeys keys, AnchorFolder anchors,
			AuditProperties properties, MeterRegistry meters) {
		// The alert: 0 once a verification found the chain broken, until one finds it intact again.
		Gauge.builder("settledesk.audit.chain.intact", last,
				l -> l.get() == null ? Double.NaN : l.get().intact() ? 1 : 0)
			.description("1 when the latest verification found the audit chain intact, 0 when it found it broken")
			.register(meters);
		Gauge.builder("settledesk.audit.chain.entries.checked", last,
				l -> l.get() == null ? Double.NaN : l.get().entriesChecked())
			.description("Entries the latest verification of the audit chain checked")
			.register(meters);
		this.jdbc = jdbc;
		this.clock = clock;
		this.json = json;
		this.keys = keys;
		this.anchors = anchors;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void record(AuditEvent event) {
		ChainWalk.Head head = lockHead();
		long seq = head.seq() + 1;
		AuditEntry unsealed = new AuditEntry(seq, Timestamps.stored(clock.instant()), actorOf(event),
				event.action(), event.targetType(), event.targetId(), ipOf(event), state(event.before()),
				state(event.after()), head.hash(), null, keys.activeSealKeyId());
		String hash = AuditHash.of(unsealed, keys);
		jdbc.sql("""
				INSERT INTO audit_entry (seq, occurred_at, actor, action, target_type, target_id, client_ip,
				    before_state, after_state, prev_hash, entry_hash, key_id)
				VALUES (:seq, :at, :actor, :action, :targetType, :targetId, :ip, :before, :after, :prevHash, :hash, :keyId)""")
			.param("seq", seq)
			.param("at", Timestamps.toDb(unsealed.occurredAt()))
			.param("actor", unsealed.actor())
			.param("action", unsealed.action())
			.param("targetType", unsealed.targetType())
			.param("targetId", unsealed.targetId())
			.param("ip", unsealed.clientIp())
			.param("before", unsealed.before())
			.param("after", unsealed.after())
			.param("prevHash", head.hash())
			.param("hash", hash)
			.param("keyId", unsealed.keyId())
			.update();
		moveHead(seq, hash);
	}

	@Override
	public ChainVerification verifyChain(LongConsumer entriesChecked) {
		ChainVerification result = new ChainWalk(keys, properties.pageSize())
			.walk(head(), anchors.latest(properties.anchorsChecked()), this::page, entriesChecked)
			.at(clock.instant());
		last.set(result);
		if (!result.intact()) {
			log.error("The audit chain is broken at entry {}: {} ({} entries checked before it)", result.firstBrokenSeq(),
					result.problem(), result.entriesChecked());
		}
		return result;
	}

	@Override
	public Optional<ChainVerification> lastVerification() {
		return Optional.ofNullable(last.get());
	}

	@Override
	public long length() {
		return head().seq();
	}

	@Override
	public String anchorPublicKey() {
		return keys.anchorPublicKey();
	}

	@Override
	public Optional<ChainAnchor> lastAnchor() {
		return anchors.last().map(a -> new ChainAnchor(a.seq(), a.hash(), a.at()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<AuditEntry> latest(int limit) {
		return jdbc.sql("SELECT * FROM audit_entry ORDER BY seq DESC LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 500)))
			.query(JdbcAuditLog::entry).list();
	}

	/** The head as committed now. */
	ChainWalk.Head head() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1").query(JdbcAuditLog::headRow)
			.single();
	}

	/** The head, locked until the caller's transaction ends: nobody appends meanwhile. */
	ChainWalk.Head lockHead() {
		return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
			.query(JdbcAuditLog::headRow).single();
	}

	void moveHead(long seq, String hash) {
		jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
			.param("seq", seq).param("hash", hash).update();
	}

	List<AuditEntry> page(long afterSeq, long upToSeq, int limit) {
		return jdbc.sql("SELECT * FROM audit_entry WHERE seq > :after AND seq <= :upTo ORDER BY seq LIMIT :limit")
			.param("after", afterSeq).param("upTo", upToSeq).param("limit", limit)
			.query(JdbcAuditLog::entry).list();
	}

	/** Seals an entry again (the upgrade from the plain hash), in the caller's transaction. */
	void reseal(long seq, String prevHash, String hash, String keyId) {
		jdbc.sql("UPDATE audit_entry SET prev_hash = :prev, entry_hash = :hash, key_id = :keyId WHERE seq = :seq")
			.param("prev", prevHash).param("hash", hash).param("keyId", keyId).param("seq", seq).update();
	}

	Optional<Long> firstUnsealedSeq() {
		return jdbc.sql("SELECT MIN(seq) FROM audit_entry WHERE key_id IS NULL").query(Long.class).optional();
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
				rs.getString("entry_hash"), rs.getString("key_id"));
	}

	private static ChainWalk.Head headRow(ResultSet rs, int row) throws SQLException {
		return new ChainWalk.Head(rs.getLong("last_seq"), rs.getString("last_hash"));
	}
}
