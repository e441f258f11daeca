package com.settledesk.terminalhost.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.TimeOrderedIds;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminalhost.TerminalHost;

/** The host's batches and answered requests, in SQL. */
@Repository
class HostRecords {

	enum Kind {
		PURCHASE, VOID, REVERSAL, SETTLEMENT
	}

	enum BatchStatus {
		OPEN, CLOSED
	}

	/** An answered request: enough to answer it again and to find, void or reverse what it did. */
	record Answered(UUID id, String terminalId, String batchNo, String stan, String mti, Kind kind, String requestHash,
			String responseHex, String responseCode, String rrn, Long amountFen, String originalRrn, UUID transactionId,
			String reference, boolean reversed, boolean voided) {

		boolean approved() {
			return "00".equals(responseCode);
		}
	}

	/** What a new answered request stores. */
	record NewAnswer(String terminalId, String batchNo, String stan, String mti, Kind kind, String requestHash,
			String responseHex, String responseCode, String rrn, String authCode, Long amountFen, String panMasked,
			String panCipher, String entryMode, String originalRrn, UUID transactionId, String reference,
			MerchantId merchantId, Instant at) {

		NewAnswer capturedAs(UUID transaction) {
			return new NewAnswer(terminalId, batchNo, stan, mti, kind, requestHash, responseHex, responseCode, rrn,
					authCode, amountFen, panMasked, panCipher, entryMode, originalRrn, transaction, reference, merchantId,
					at);
		}

		/** The answer refused after all: no RRN, authorisation code or card kept. */
		NewAnswer declined(String declinedHex, String declinedCode) {
			return new NewAnswer(terminalId, batchNo, stan, mti, kind, requestHash, declinedHex, declinedCode, null, null,
					amountFen, panMasked, null, entryMode, originalRrn, null, reference, merchantId, at);
		}
	}

	/** A request's place in a terminal's batch. */
	record StanKey(String terminalId, String batchNo, String stan) {
	}

	record Totals(int purchases, long purchasesFen, int voids, long voidsFen) {

		/** Field 48: purchases count (3) + amount (12) + voids count (3) + amount (12). */
		String field48() {
			return String.format("%03d%012d%03d%012d", purchases, purchasesFen, voids, voidsFen);
		}
	}

	private static final String INSERT = """
			INSERT INTO host_message (id, terminal_id, batch_no, stan, mti, kind, request_hash, response_hex,
			    response_code, rrn, auth_code, amount_fen, pan_masked, pan_cipher, entry_mode, original_rrn,
			    transaction_id, reference, merchant_id, reversed, voided, received_at)
			VALUES (:id, :tid, :batch, :stan, :mti, :kind, :hash, :response, :code, :rrn, :auth, :amount, :panMasked,
			    :panCipher, :entryMode, :originalRrn, :transaction, :reference, :merchant, FALSE, FALSE, :at)""";

	/** Numbers a block of retrieval reference numbers holds; the sequence host_rrn_block steps by as many. */
	static final int RRN_BLOCK = 1000;

	private final JdbcClient jdbc;
	private final PipelinedWrites writes;

	HostRecords(JdbcClient jdbc, PipelinedWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	/** The first number of a block of {@link #RRN_BLOCK} that no other caller gets. */
	long nextRrnBlock() {
		return jdbc.sql("SELECT nextval('host_rrn_block')").query(Long.class).single();
	}

	/** Inserts many answers in one round trip (the group commit of purchases). */
	void insertAll(List<NewAnswer> answers) {
		writes.insert(INSERT, answers.stream().map(HostRecords::parameters).toArray(SqlParameterSource[]::new));
	}

	private static MapSqlParameterSource parameters(NewAnswer a) {
		return new MapSqlParameterSource()
			.addValue("id", TimeOrderedIds.next()).addValue("tid", a.terminalId()).addValue("batch", a.batchNo())
			.addValue("stan", a.stan()).addValue("mti", a.mti()).addValue("kind", a.kind().name())
			.addValue("hash", a.requestHash()).addValue("response", a.responseHex()).addValue("code", a.responseCode())
			.addValue("rrn", a.rrn()).addValue("auth", a.authCode()).addValue("amount", a.amountFen())
			.addValue("panMasked", a.panMasked()).addValue("panCipher", a.panCipher()).addValue("entryMode", a.entryMode())
			.addValue("originalRrn", a.originalRrn()).addValue("transaction", a.transactionId())
			.addValue("reference", a.reference())
			.addValue("merchant", a.merchantId() == null ? null : a.merchantId().value())
			.addValue("at", Timestamps.toDb(a.at()));
	}

	Optional<BatchStatus> batch(String terminalId, String batchNo) {
		return jdbc.sql("SELECT status FROM host_batch WHERE terminal_id = :tid AND batch_no = :batch")
			.param("tid", terminalId).param("batch", batchNo)
			.query((rs, row) -> BatchStatus.valueOf(rs.getString(1))).optional();
	}

	/**
	 * Which of these purchases are new to an open batch of their terminal: the batch is open and neither the purchase
	 * nor a reversal of it was seen. One read for a whole group, sent when first asked for with the reads waiting then.
	 */
	Supplier<Set<StanKey>> freshPurchasesLater(List<StanKey> keys) {
		// the keys as a joined VALUES list: PostgreSQL plans a join of index probes far faster than a long OR
		return writes.later("""
				SELECT 'OPEN' AS what, b.terminal_id, b.batch_no, '' AS stan
				FROM (VALUES :batches) AS k (tid, batch) JOIN host_batch b ON b.terminal_id = k.tid AND b.batch_no = k.batch
				WHERE b.status = 'OPEN'
				UNION ALL
				SELECT 'SEEN' AS what, m.terminal_id, m.batch_no, m.stan
				FROM (VALUES :stans) AS k (tid, batch, stan)
				JOIN host_message m ON m.terminal_id = k.tid AND m.batch_no = k.batch AND m.stan = k.stan
				WHERE m.mti IN ('0200', '0400')""", Map.of(
				"batches", keys.stream().map(k -> List.of(k.terminalId(), k.batchNo())).distinct().map(List::toArray).toList(),
				"stans", keys.stream().map(k -> new Object[] { k.terminalId(), k.batchNo(), k.stan() }).toList()), rs -> {
					Set<List<String>> open = new HashSet<>();
					Set<StanKey> seen = new HashSet<>();
					while (rs.next()) {
						if ("OPEN".equals(rs.getString(1))) {
							open.add(List.of(rs.getString(2), rs.getString(3)));
						}
						else {
							seen.add(new StanKey(rs.getString(2), rs.getString(3), rs.getString(4)));
						}
					}
					Set<StanKey> fresh = new HashSet<>();
					for (StanKey key : keys) {
						if (open.contains(List.of(key.terminalId(), key.batchNo())) && !seen.contains(key)) {
							fresh.add(key);
						}
					}
					return fresh;
				});
	}

	/** Opens the batch unless it exists; answers its status afterwards. */
	BatchStatus open(String terminalId, String batchNo, MerchantId merchantId, Instant at) {
		jdbc.sql("""
				INSERT INTO host_batch (terminal_id, batch_no, merchant_id, status, opened_at)
				VALUES (:tid, :batch, :merchant, 'OPEN', :at) ON CONFLICT DO NOTHING""")
			.param("tid", terminalId).param("batch", batchNo).param("merchant", merchantId.value())
			.param("at", Timestamps.toDb(at)).update();
		return batch(terminalId, batchNo).orElseThrow();
	}

	/** Closes an open batch; answers false when it was closed meanwhile. */
	boolean close(String terminalId, String batchNo, String resultCode, String terminalTotals, String hostTotals,
			Instant at) {
		return jdbc.sql("""
				UPDATE host_batch SET status = 'CLOSED', closed_at = :at, result_code = :code,
				    terminal_totals = :terminalTotals, host_totals = :hostTotals
				WHERE terminal_id = :tid AND batch_no = :batch AND status = 'OPEN'""")
			.param("at", Timestamps.toDb(at)).param("code", resultCode).param("terminalTotals", terminalTotals)
			.param("hostTotals", hostTotals).param("tid", terminalId).param("batch", batchNo).update() == 1;
	}

	Optional<Answered> answered(String terminalId, String batchNo, String stan, String mti) {
		return jdbc.sql("""
				SELECT * FROM host_message WHERE terminal_id = :tid AND batch_no = :batch AND stan = :stan AND mti = :mti""")
			.param("tid", terminalId).param("batch", batchNo).param("stan", stan).param("mti", mti)
			.query(HostRecords::answered).optional();
	}

	/** The approved message with this RRN in the terminal's batch, under a row lock. */
	Optional<Answered> lockByRrn(String terminalId, String batchNo, String rrn) {
		return jdbc.sql("""
				SELECT * FROM host_message WHERE rrn = :rrn AND terminal_id = :tid AND batch_no = :batch FOR UPDATE""")
			.param("rrn", rrn).param("tid", terminalId).param("batch", batchNo)
			.query(HostRecords::answered).optional();
	}

	Optional<Answered> lock(String terminalId, String batchNo, String stan, String mti) {
		return jdbc.sql("""
				SELECT * FROM host_message WHERE terminal_id = :tid AND batch_no = :batch AND stan = :stan AND mti = :mti
				FOR UPDATE""")
			.param("tid", terminalId).param("batch", batchNo).param("stan", stan).param("mti", mti)
			.query(HostRecords::answered).optional();
	}

	String entryMode(UUID id) {
		return jdbc.sql("SELECT entry_mode FROM host_message WHERE id = :id").param("id", id).query(String.class).single();
	}

	Optional<String> panCipher(UUID id) {
		return jdbc.sql("SELECT pan_cipher FROM host_message WHERE id = :id").param("id", id)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1))).single();
	}

	void insert(NewAnswer a) {
		jdbc.sql(INSERT).paramSource(parameters(a)).update();
	}

	void markVoided(UUID id, boolean voided) {
		jdbc.sql("UPDATE host_message SET voided = :voided WHERE id = :id").param("voided", voided).param("id", id).update();
	}

	void markReversed(UUID id) {
		jdbc.sql("UPDATE host_message SET reversed = TRUE WHERE id = :id").param("id", id).update();
	}

	void reinstate(UUID id, UUID transactionId, String reference) {
		jdbc.sql("UPDATE host_message SET voided = FALSE, transaction_id = :transaction, reference = :reference WHERE id = :id")
			.param("transaction", transactionId).param("reference", reference).param("id", id).update();
	}

	/** Approved purchases and voids of the batch that were not reversed (a voided purchase still counts). */
	Totals totals(String terminalId, String batchNo) {
		return jdbc.sql("""
				SELECT
				  SUM(CASE WHEN kind = 'PURCHASE' THEN 1 ELSE 0 END) AS purchases,
				  SUM(CASE WHEN kind = 'PURCHASE' THEN amount_fen ELSE 0 END) AS purchases_fen,
				  SUM(CASE WHEN kind = 'VOID' THEN 1 ELSE 0 END) AS voids,
				  SUM(CASE WHEN kind = 'VOID' THEN amount_fen ELSE 0 END) AS voids_fen
				FROM host_message
				WHERE terminal_id = :tid AND batch_no = :batch AND response_code = '00' AND reversed = FALSE
				  AND kind IN ('PURCHASE', 'VOID')""")
			.param("tid", terminalId).param("batch", batchNo)
			.query((rs, row) -> new Totals(rs.getInt("purchases"), rs.getLong("purchases_fen"), rs.getInt("voids"),
					rs.getLong("voids_fen")))
			.single();
	}

	List<TerminalHost.Batch> openBatches(int limit) {
		return jdbc.sql("SELECT * FROM host_batch WHERE status = 'OPEN' ORDER BY opened_at DESC LIMIT :limit")
			.param("limit", limit).query(HostRecords::batch).list();
	}

	List<TerminalHost.Batch> batchesThatDiffered(int limit) {
		return jdbc.sql("SELECT * FROM host_batch WHERE result_code = '95' ORDER BY closed_at DESC LIMIT :limit")
			.param("limit", limit).query(HostRecords::batch).list();
	}

	private static TerminalHost.Batch batch(ResultSet rs, int row) throws SQLException {
		return new TerminalHost.Batch(rs.getString("terminal_id"), rs.getString("batch_no"),
				Timestamps.fromDb(rs.getObject("opened_at", java.time.OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("closed_at", java.time.OffsetDateTime.class)), rs.getString("terminal_totals"),
				rs.getString("host_totals"));
	}

	private static Answered answered(ResultSet rs, int row) throws SQLException {
		Object amount = rs.getObject("amount_fen");
		return new Answered(rs.getObject("id", UUID.class), rs.getString("terminal_id"), rs.getString("batch_no"),
				rs.getString("stan"), rs.getString("mti"), Kind.valueOf(rs.getString("kind")), rs.getString("request_hash"),
				rs.getString("response_hex"), rs.getString("response_code"), rs.getString("rrn"),
				amount == null ? null : ((Number) amount).longValue(), rs.getString("original_rrn"), rs.getObject("transaction_id", UUID.class),
				rs.getString("reference"), rs.getBoolean("reversed"), rs.getBoolean("voided"));
	}
}
