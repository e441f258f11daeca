package com.settledesk.payout.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;

/**
 * The merchants whose payouts are held (after repeated failures to a card, or by finance), and the guard rows a
 * sweep locks so that two sweeps (two instances) pay each merchant once.
 */
@Repository
class PayoutHoldRepository {

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;

	PayoutHoldRepository(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	Optional<String> reason(MerchantId merchantId) {
		return jdbc.sql("SELECT reason FROM payout_hold WHERE merchant_id = :m").param("m", merchantId.value())
			.query(String.class).optional();
	}

	/** Holds the merchant's payouts; a merchant already held keeps its first hold. */
	void hold(MerchantId merchantId, String fingerprint, String reason, Instant now) {
		jdbc.sql("""
				INSERT INTO payout_hold (merchant_id, destination_fingerprint, held_at, reason) VALUES (:m, :fp, :now, :reason)
				ON CONFLICT DO NOTHING""")
			.param("m", merchantId.value()).param("fp", fingerprint).param("now", Timestamps.toDb(now))
			.param("reason", reason).update();
	}

	/** Releases the hold; answers whether there was one. */
	boolean release(MerchantId merchantId) {
		return jdbc.sql("DELETE FROM payout_hold WHERE merchant_id = :m").param("m", merchantId.value()).update() > 0;
	}

	Set<UUID> heldAmong(List<UUID> merchantIds) {
		return new HashSet<>(jdbc.sql("SELECT merchant_id FROM payout_hold WHERE merchant_id IN (:ids)")
			.param("ids", merchantIds).query(UUID.class).list());
	}

	/**
	 * Locks the merchants' guard rows for this transaction; those another sweep holds are left out (SKIP LOCKED). The
	 * ids go as one array: with a list of a thousand parameters this statement took 850 ms a chunk in a first sweep of
	 * 100,000 merchants (the guard table without statistics yet, scanned row by row against the list); with the array
	 * the whole sweep took 11 s instead of 38.
	 */
	Set<UUID> lockForSweep(List<UUID> merchantIds) {
		batch.batchUpdate("INSERT INTO payout_sweep_guard (merchant_id) VALUES (?) ON CONFLICT DO NOTHING",
				merchantIds.stream().map(id -> new Object[] { id }).toList());
		return new HashSet<>(jdbc.sql("""
				SELECT merchant_id FROM payout_sweep_guard WHERE merchant_id = ANY(:ids) ORDER BY merchant_id
				FOR UPDATE SKIP LOCKED""").param("ids", new SqlArrayValue("uuid", merchantIds.toArray()))
			.query(UUID.class).list());
	}
}
