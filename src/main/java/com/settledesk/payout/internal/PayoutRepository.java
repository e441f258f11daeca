package com.settledesk.payout.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.settlementaccount.PayoutDestination;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.Timestamps;

/** Payouts in the database: the aggregate loaded and saved whole (optimistic version), and the lists read from it. */
@Repository
class PayoutRepository {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	PayoutRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<Payout> find(UUID id) {
		return jdbc.sql("SELECT * FROM payout WHERE id = :id").param("id", id).query(PayoutRepository::payout).optional();
	}

	/** The payout, locked until the transaction ends: the bank's answer and finance's decision do not cross. */
	Optional<Payout> lock(UUID id) {
		return jdbc.sql("SELECT * FROM payout WHERE id = :id FOR UPDATE").param("id", id).query(PayoutRepository::payout)
			.optional();
	}

	/** The oldest payout due at the bank that no other instance holds (FOR UPDATE SKIP LOCKED). */
	Optional<Payout> claimNextDue(Instant now) {
		return jdbc.sql("""
				SELECT * FROM payout
				WHERE status IN ('CREATED', 'SUBMITTED', 'UNKNOWN') AND (next_attempt_at IS NULL OR next_attempt_at <= :now)
				ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamps.toDb(now)).query(PayoutRepository::payout).optional();
	}

	/** Saves what the aggregate changed; another writer in between (its version moved on) is a conflict. */
	void save(Payout p) {
		int updated = jdbc.sql("""
				UPDATE payout SET status = :status, attempts = :attempts, next_attempt_at = :next, submitted_at = :submitted,
				    paid_at = :paid, closed_at = :closed, bank_reference = :ref, failure_reason = :reason, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("status", p.status().name()).param("attempts", p.attempts())
			.param("next", Timestamps.toDb(p.nextAttemptAt())).param("submitted", Timestamps.toDb(p.submittedAt()))
			.param("paid", Timestamps.toDb(p.paidAt())).param("closed", Timestamps.toDb(p.closedAt()))
			.param("ref", p.bankReference()).param("reason", p.failureReason()).param("id", p.id())
			.param("version", p.version()).update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Payout " + p.id() + " changed meanwhile");
		}
	}

	/** New payouts of a sweep, one batch: id, merchant, mode, gross, fee, amount, destination (5 columns), created. */
	void insertAll(List<Object[]> rows) {
		batch.batchUpdate("""
				INSERT INTO payout (id, merchant_id, mode, gross_fen, fee_fen, amount_fen, status, destination_account_id,
				    destination_masked, destination_name, destination_fingerprint, destination_cipher, attempts, created_at, version)
				VALUES (?, ?, ?, ?, ?, ?, 'CREATED', ?, ?, ?, ?, ?, 0, ?, 0)""", rows);
	}

	/** Payouts not yet handed to the bank follow the merchant's new card. */
	int repoint(MerchantId merchantId, PayoutDestination account) {
		return jdbc.sql("""
				UPDATE payout SET destination_account_id = :account, destination_masked = :masked, destination_name = :name,
				    destination_fingerprint = :fingerprint, destination_cipher = :cipher, version = version + 1
				WHERE merchant_id = :m AND status = 'CREATED'""")
			.param("account", account.accountId().value()).param("masked", account.accountNumberMasked())
			.param("name", account.accountName()).param("fingerprint", account.fingerprint())
			.param("cipher", account.numberCipher()).param("m", merchantId.value()).update();
	}

	/** Whether the card's last {@code n} settled payouts all failed or came back. */
	boolean lastOutcomesFailed(String fingerprint, int n) {
		List<String> last = jdbc.sql("""
				SELECT status FROM payout WHERE destination_fingerprint = :fp AND status IN ('PAID', 'FAILED', 'RETURNED')
				ORDER BY COALESCE(closed_at, paid_at) DESC LIMIT :n""")
			.param("fp", fingerprint).param("n", n).query(String.class).list();
		return last.size() == n && last.stream().allMatch(s -> s.equals("FAILED") || s.equals("RETURNED"));
	}

	Money pending(MerchantId merchantId) {
		return Money.ofFen(jdbc.sql("""
				SELECT COALESCE(SUM(amount_fen), 0) FROM payout WHERE merchant_id = :m AND status IN ('CREATED', 'SUBMITTED', 'UNKNOWN')""")
			.param("m", merchantId.value()).query(Long.class).single());
	}

	List<PayoutView> ofMerchant(MerchantId merchantId, int offset, int limit) {
		return jdbc.sql("SELECT * FROM payout WHERE merchant_id = :m ORDER BY created_at DESC, id LIMIT :limit OFFSET :offset")
			.param("m", merchantId.value()).param("limit", Math.max(1, Math.min(limit, 500)))
			.param("offset", Math.max(0, offset)).query(PayoutRepository::view).list();
	}

	List<PayoutView> byStatus(PayoutStatus status, int limit) {
		return jdbc.sql("SELECT * FROM payout WHERE status = :s ORDER BY created_at DESC LIMIT :limit")
			.param("s", status.name()).param("limit", Math.max(1, Math.min(limit, 500))).query(PayoutRepository::view)
			.list();
	}

	Map<UUID, PayoutView> byIds(Collection<UUID> ids) {
		Map<UUID, PayoutView> found = new HashMap<>();
		List<UUID> distinct = List.copyOf(new HashSet<>(ids));
		for (int from = 0; from < distinct.size(); from += CHUNK) {
			jdbc.sql("SELECT * FROM payout WHERE id IN (:ids)")
				.param("ids", distinct.subList(from, Math.min(distinct.size(), from + CHUNK)))
				.query(PayoutRepository::view).list().forEach(p -> found.put(p.id(), p));
		}
		return found;
	}

	Map<PayoutStatus, Long> countByStatus() {
		Map<PayoutStatus, Long> counts = new EnumMap<>(PayoutStatus.class);
		for (PayoutStatus status : PayoutStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("SELECT status, COUNT(*) AS n FROM payout GROUP BY status").query().listOfRows()
			.forEach(row -> counts.put(PayoutStatus.valueOf((String) row.get("status")), ((Number) row.get("n")).longValue()));
		return counts;
	}

	private static Payout payout(ResultSet rs, int row) throws SQLException {
		return new Payout(rs.getObject("id", UUID.class), new MerchantId(rs.getObject("merchant_id", UUID.class)),
				rs.getString("mode"), Money.ofFen(rs.getLong("gross_fen")), Money.ofFen(rs.getLong("fee_fen")),
				Money.ofFen(rs.getLong("amount_fen")), PayoutStatus.valueOf(rs.getString("status")),
				rs.getObject("destination_account_id", UUID.class), rs.getString("destination_masked"),
				rs.getString("destination_name"), rs.getString("destination_fingerprint"), rs.getString("destination_cipher"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), instant(rs, "created_at"), instant(rs, "submitted_at"),
				instant(rs, "paid_at"), instant(rs, "closed_at"), rs.getString("bank_reference"),
				rs.getString("failure_reason"), rs.getLong("version"));
	}

	private static PayoutView view(ResultSet rs, int row) throws SQLException {
		return payout(rs, row).view();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
	}
}
