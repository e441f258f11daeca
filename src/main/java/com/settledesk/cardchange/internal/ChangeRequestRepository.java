package com.settledesk.cardchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.HistoryEntry;
import com.settledesk.cardchange.ReviewState;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;

/** Persistence of change requests: explicit SQL, optimistic locking on the version column. */
@Repository
class ChangeRequestRepository {

	private final JdbcClient jdbc;

	ChangeRequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the merchant's guard row so that submissions of one merchant are decided one after the other. */
	void lockMerchant(MerchantId merchantId) {
		jdbc.sql("INSERT INTO card_change_guard (merchant_id) VALUES (:merchant) ON CONFLICT DO NOTHING")
			.param("merchant", merchantId.value()).update();
		jdbc.sql("SELECT merchant_id FROM card_change_guard WHERE merchant_id = :merchant FOR UPDATE")
			.param("merchant", merchantId.value()).query().singleRow();
	}

	void insert(ChangeRequest r) {
		NewAccount a = r.account();
		jdbc.sql("""
				INSERT INTO card_change_request (id, merchant_id, status, open_merchant_id, account_type, account_name,
				    account_number_cipher, account_number_fingerprint, account_number_masked, bank_code, bank_name, bin_known,
				    bank_branch, cnaps_code, holder_id_cipher, holder_id_fingerprint, holder_id_masked, reserved_phone,
				    holder_is_legal_rep, previous_account_masked, verification_status, verification_attempts,
				    verification_next_at, stop_code_hash, submitted_by, submitted_ip, submitted_at, info_request,
				    reject_reason, effective_at, updated_at, risk_level, risk_reasons, four_eyes, first_reviewer,
				    first_reviewed_at, second_reviewer, second_reviewed_at, decided_at, new_account_id, version)
				VALUES (:id, :merchant, :status, :openMerchant, :type, :name, :cipher, :fingerprint, :masked, :bankCode,
				    :bankName, :binKnown, :branch, :cnaps, :holderCipher, :holderFingerprint, :holderMasked, :phone,
				    :legalRep, :previous, :verification, :attempts, :nextAt, :stopCode, :by, :ip, :submittedAt,
				    :infoRequest, :rejectReason, :effectiveAt, :updatedAt, :riskLevel, :riskReasons, :fourEyes,
				    :firstReviewer, :firstReviewedAt, :secondReviewer, :secondReviewedAt, :decidedAt, :newAccountId, 0)""")
			.params(columns(r))
			.param("stopCode", r.stopCodeHash())
			.param("by", r.submittedBy())
			.param("ip", r.submittedIp())
			.param("submittedAt", Timestamps.toDb(r.submittedAt()))
			.param("previous", r.previousAccountMasked())
			.update();
		saveChildren(r, List.of());
	}

	void update(ChangeRequest r) {
		int updated = jdbc.sql("""
				UPDATE card_change_request SET status = :status, open_merchant_id = :openMerchant, account_type = :type,
				    account_name = :name, account_number_cipher = :cipher, account_number_fingerprint = :fingerprint,
				    account_number_masked = :masked, bank_code = :bankCode, bank_name = :bankName, bin_known = :binKnown,
				    bank_branch = :branch, cnaps_code = :cnaps, holder_id_cipher = :holderCipher,
				    holder_id_fingerprint = :holderFingerprint, holder_id_masked = :holderMasked, reserved_phone = :phone,
				    holder_is_legal_rep = :legalRep, verification_status = :verification,
				    verification_attempts = :attempts, verification_next_at = :nextAt, info_request = :infoRequest,
				    reject_reason = :rejectReason, effective_at = :effectiveAt, updated_at = :updatedAt,
				    risk_level = :riskLevel, risk_reasons = :riskReasons, four_eyes = :fourEyes,
				    first_reviewer = :firstReviewer, first_reviewed_at = :firstReviewedAt,
				    second_reviewer = :secondReviewer, second_reviewed_at = :secondReviewedAt, decided_at = :decidedAt,
				    new_account_id = :newAccountId, version = version + 1
				WHERE id = :id AND version = :version""")
			.params(columns(r))
			.param("version", r.version())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Change request " + r.id() + " was changed meanwhile");
		}
		saveChildren(r, attachmentsOf(r.id().value()));
	}

	Optional<ChangeRequest> find(ChangeRequestId id) {
		return load("SELECT * FROM card_change_request WHERE id = :id", Map.of("id", id.value())).stream().findFirst();
	}

	List<ChangeRequest> ofMerchant(MerchantId merchantId) {
		return load("SELECT * FROM card_change_request WHERE merchant_id = :merchant ORDER BY submitted_at DESC",
				Map.of("merchant", merchantId.value()));
	}

	Optional<ChangeRequest> openOf(MerchantId merchantId) {
		return load("SELECT * FROM card_change_request WHERE open_merchant_id = :merchant",
				Map.of("merchant", merchantId.value())).stream().findFirst();
	}

	/**
	 * The oldest requests in the given states. One ordered range of the (status, submitted_at) index per state,
	 * merged: with a hundred thousand waiting, the database reads a page per state instead of sorting them all.
	 * States, risk and limit are written into the statement (enum names and an int): H2 reuses a derived table's
	 * result across executions when only a parameter inside it changed.
	 */
	List<ChangeRequest> queue(List<ChangeRequestStatus> statuses, RiskLevel risk, Instant submittedBefore, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder filter = new StringBuilder();
		if (risk != null) {
			filter.append(" AND risk_level = '").append(risk.name()).append('\'');
		}
		if (submittedBefore != null) {
			filter.append(" AND submitted_at <= :before");
			params.put("before", Timestamps.toDb(submittedBefore));
		}
		String page = " ORDER BY submitted_at LIMIT " + Math.max(1, limit);
		String branches = statuses.stream().distinct()
			.map(status -> "(SELECT * FROM card_change_request WHERE status = '" + status.name() + "'" + filter + page + ")")
			.collect(java.util.stream.Collectors.joining(" UNION ALL "));
		return load("SELECT * FROM (" + branches + ") waiting" + page, params);
	}

	/**
	 * The requests a query selects, each with its attachments and history: three statements however many requests
	 * (a queue of 200 is not 400 more round trips).
	 */
	private List<ChangeRequest> load(String sql, Map<String, ?> params) {
		List<Row> rows = jdbc.sql(sql).params(params).query(this::row).list();
		if (rows.isEmpty()) {
			return List.of();
		}
		List<UUID> ids = rows.stream().map(Row::id).toList();
		Map<UUID, List<UUID>> attachments = new HashMap<>();
		jdbc.sql("SELECT request_id, attachment_id FROM card_change_attachment WHERE request_id IN (:ids)")
			.param("ids", ids)
			.query((rs, n) -> attachments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
				.add(rs.getObject(2, UUID.class)))
			.list();
		Map<UUID, List<HistoryEntry>> history = new HashMap<>();
		jdbc.sql("SELECT * FROM card_change_history WHERE request_id IN (:ids) ORDER BY request_id, seq")
			.param("ids", ids)
			.query((rs, n) -> history.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>())
				.add(new HistoryEntry(ChangeRequestStatus.valueOf(rs.getString("status")),
						Timestamps.fromDb(rs.getObject("at", OffsetDateTime.class)), rs.getString("actor"),
						rs.getString("note"))))
			.list();
		return rows.stream()
			.map(r -> r.complete(attachments.getOrDefault(r.id(), new ArrayList<>()),
					history.getOrDefault(r.id(), new ArrayList<>())))
			.toList();
	}

	/** A request as read from its row, waiting for its attachments and history. */
	private record Row(UUID id, java.util.function.BiFunction<List<UUID>, List<HistoryEntry>, ChangeRequest> request) {

		ChangeRequest complete(List<UUID> attachments, List<HistoryEntry> history) {
			return request.apply(attachments, history);
		}
	}

	/** Claims one request due to take effect, skipping any another instance holds (FOR UPDATE SKIP LOCKED). */
	Optional<ChangeRequestId> claimDueCutOver(Instant now) {
		return jdbc.sql("""
				SELECT id FROM card_change_request WHERE status = 'SCHEDULED' AND effective_at <= :now
				ORDER BY effective_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamps.toDb(now))
			.query((rs, row) -> new ChangeRequestId(rs.getObject("id", UUID.class))).optional();
	}

	/** Whether the merchant's card changed (took effect) since the given time. */
	boolean changedSince(MerchantId merchantId, Instant since) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM card_change_request WHERE merchant_id = :merchant AND status = 'EFFECTIVE'
				AND effective_at >= :since""")
			.param("merchant", merchantId.value()).param("since", Timestamps.toDb(since)).query(Long.class).single() > 0;
	}

	Map<ChangeRequestStatus, Long> countByStatus() {
		Map<ChangeRequestStatus, Long> counts = new java.util.EnumMap<>(ChangeRequestStatus.class);
		for (Map<String, Object> row : jdbc.sql("SELECT status, COUNT(*) AS n FROM card_change_request GROUP BY status")
			.query().listOfRows()) {
			counts.put(ChangeRequestStatus.valueOf((String) row.get("status")), ((Number) row.get("n")).longValue());
		}
		return counts;
	}

	Optional<ChangeRequest> findByStopCode(String stopCodeHash) {
		return load("SELECT * FROM card_change_request WHERE stop_code_hash = :hash", Map.of("hash", stopCodeHash)).stream()
			.findFirst();
	}

	List<ChangeRequestId> verificationDue(Instant now, int limit) {
		return jdbc.sql("""
				SELECT id FROM card_change_request WHERE verification_status = 'PENDING' AND open_merchant_id IS NOT NULL
				AND verification_next_at <= :now ORDER BY verification_next_at LIMIT :limit""")
			.param("now", Timestamps.toDb(now)).param("limit", limit)
			.query((rs, row) -> new ChangeRequestId(rs.getObject("id", UUID.class))).list();
	}

	String accountNumberCipher(ChangeRequestId id) {
		return jdbc.sql("SELECT account_number_cipher FROM card_change_request WHERE id = :id").param("id", id.value())
			.query(String.class).single();
	}

	private Map<String, Object> columns(ChangeRequest r) {
		NewAccount a = r.account();
		Map<String, Object> c = new HashMap<>();
		c.put("id", r.id().value());
		c.put("merchant", r.merchantId().value());
		c.put("status", r.status().name());
		c.put("openMerchant", r.status().isOpen() ? r.merchantId().value() : null);
		c.put("type", a.type().name());
		c.put("name", a.accountName());
		c.put("cipher", a.numberCipher());
		c.put("fingerprint", a.fingerprint());
		c.put("masked", a.masked());
		c.put("bankCode", a.bankCode());
		c.put("bankName", a.bankName());
		c.put("binKnown", a.binKnown());
		c.put("branch", a.bankBranch());
		c.put("cnaps", a.cnapsCode());
		c.put("holderCipher", a.holderIdCipher());
		c.put("holderFingerprint", a.holderIdFingerprint());
		c.put("holderMasked", a.holderIdMasked());
		c.put("phone", a.reservedPhone());
		c.put("legalRep", a.holderIsLegalRepresentative());
		c.put("verification", r.verificationStatus().name());
		c.put("attempts", r.verificationAttempts());
		c.put("nextAt", Timestamps.toDb(r.verificationNextAt()));
		c.put("infoRequest", r.infoRequest());
		c.put("rejectReason", r.rejectReason());
		c.put("effectiveAt", Timestamps.toDb(r.effectiveAt()));
		c.put("updatedAt", Timestamps.toDb(r.updatedAt()));
		ReviewState review = r.review();
		c.put("riskLevel", review.riskLevel() == null ? null : review.riskLevel().name());
		c.put("riskReasons", String.join(",", review.riskReasons().stream().map(Enum::name).toList()));
		c.put("fourEyes", review.fourEyes());
		c.put("firstReviewer", review.firstReviewer());
		c.put("firstReviewedAt", Timestamps.toDb(review.firstReviewedAt()));
		c.put("secondReviewer", review.secondReviewer());
		c.put("secondReviewedAt", Timestamps.toDb(review.secondReviewedAt()));
		c.put("decidedAt", Timestamps.toDb(review.decidedAt()));
		c.put("newAccountId", review.newAccountId());
		return c;
	}

	private void saveChildren(ChangeRequest r, List<UUID> storedAttachments) {
		for (UUID attachment : r.attachmentIds()) {
			if (!storedAttachments.contains(attachment)) {
				jdbc.sql("INSERT INTO card_change_attachment (request_id, attachment_id) VALUES (:request, :attachment)")
					.param("request", r.id().value()).param("attachment", attachment).update();
			}
		}
		int seq = r.history().size() - r.newHistory().size();
		for (HistoryEntry entry : r.newHistory()) {
			jdbc.sql("""
					INSERT INTO card_change_history (request_id, seq, status, at, actor, note)
					VALUES (:request, :seq, :status, :at, :actor, :note)""")
				.param("request", r.id().value()).param("seq", ++seq).param("status", entry.status().name())
				.param("at", Timestamps.toDb(entry.at())).param("actor", entry.actor()).param("note", entry.note())
				.update();
		}
	}

	private List<UUID> attachmentsOf(UUID requestId) {
		return jdbc.sql("SELECT attachment_id FROM card_change_attachment WHERE request_id = :request")
			.param("request", requestId).query((rs, row) -> rs.getObject(1, UUID.class)).list();
	}

	private Row row(ResultSet rs, int row) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		NewAccount account = new NewAccount(AccountType.valueOf(rs.getString("account_type")), rs.getString("account_name"),
				rs.getString("account_number_cipher"), rs.getString("account_number_fingerprint"),
				rs.getString("account_number_masked"), rs.getString("bank_code"), rs.getString("bank_name"),
				rs.getBoolean("bin_known"), rs.getString("bank_branch"), rs.getString("cnaps_code"),
				rs.getString("holder_id_cipher"), rs.getString("holder_id_fingerprint"), rs.getString("holder_id_masked"),
				rs.getString("reserved_phone"), rs.getBoolean("holder_is_legal_rep"));
		MerchantId merchant = new MerchantId(rs.getObject("merchant_id", UUID.class));
		ChangeRequestStatus status = ChangeRequestStatus.valueOf(rs.getString("status"));
		VerificationStatus verification = VerificationStatus.valueOf(rs.getString("verification_status"));
		int attempts = rs.getInt("verification_attempts");
		Instant verificationNextAt = instant(rs, "verification_next_at");
		String stopCodeHash = rs.getString("stop_code_hash");
		String submittedBy = rs.getString("submitted_by");
		String submittedIp = rs.getString("submitted_ip");
		Instant submittedAt = instant(rs, "submitted_at");
		String previousAccount = rs.getString("previous_account_masked");
		String infoRequest = rs.getString("info_request");
		String rejectReason = rs.getString("reject_reason");
		Instant effectiveAt = instant(rs, "effective_at");
		Instant updatedAt = instant(rs, "updated_at");
		ReviewState review = review(rs);
		long version = rs.getLong("version");
		return new Row(id, (attachments, history) -> new ChangeRequest(new ChangeRequestId(id), merchant, status, account,
				verification, attempts, verificationNextAt, stopCodeHash, submittedBy, submittedIp, submittedAt,
				previousAccount, infoRequest, rejectReason, effectiveAt, updatedAt, review, version, attachments, history));
	}

	private static ReviewState review(ResultSet rs) throws SQLException {
		String level = rs.getString("risk_level");
		String reasons = rs.getString("risk_reasons");
		return new ReviewState(level == null ? null : RiskLevel.valueOf(level),
				reasons == null || reasons.isEmpty() ? List.of()
						: Arrays.stream(reasons.split(",")).map(RiskSignal::valueOf).toList(),
				rs.getBoolean("four_eyes"), rs.getString("first_reviewer"), instant(rs, "first_reviewed_at"),
				rs.getString("second_reviewer"), instant(rs, "second_reviewed_at"), instant(rs, "decided_at"),
				rs.getObject("new_account_id", UUID.class));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
	}
}
