package com.settledesk.statement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.statement.FeeDispute;
import com.settledesk.statement.FeeDisputes;
import com.settledesk.statement.LineKind;

@Service
class FeeDisputeService implements FeeDisputes {

	private final JdbcClient jdbc;
	private final ChargedFees fees;
	private final AuditLog audit;
	private final Clock clock;

	FeeDisputeService(JdbcClient jdbc, ChargedFees fees, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.fees = fees;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public FeeDispute raise(MerchantId merchantId, String entryKind, String entryReference, String reason, String by) {
		String text = reason == null ? "" : reason.strip();
		if (text.length() < 5 || text.length() > 500) {
			throw new ValidationFailedException(new FieldViolation("reason", text.length() < 5 ? "TOO_SHORT" : "TOO_LONG"));
		}
		var fee = fees.find(merchantId, entryKind, entryReference);
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					INSERT INTO fee_dispute (id, merchant_id, entry_kind, entry_reference, fee_fen, reason, status, raised_by,
					    raised_at, version)
					VALUES (:id, :merchant, :kind, :entry, :fee, :reason, 'OPEN', :by, :now, 0)""")
				.param("id", id).param("merchant", merchantId.value()).param("kind", fee.entryKind())
				.param("entry", fee.entryReference()).param("fee", fee.fee().fen()).param("reason", text).param("by", by)
				.param("now", Timestamps.toDb(clock.instant())).update();
		}
		catch (DuplicateKeyException e) {
			throw new StateConflictException("FEE_ALREADY_DISPUTED", "This fee has been disputed already");
		}
		audit.record(AuditEvent.of("FEE_DISPUTED", "MERCHANT", merchantId.toString()).by(by)
			.after(Map.of("dispute", id.toString(), "entry", fee.entryKind(), "feeFen", fee.fee().fen())));
		return find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<FeeDispute> ofMerchant(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM fee_dispute WHERE merchant_id = :merchant ORDER BY raised_at DESC")
			.param("merchant", merchantId.value()).query(FeeDisputeService::map).list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<FeeDispute> open(int limit) {
		return jdbc.sql("SELECT * FROM fee_dispute WHERE status = 'OPEN' ORDER BY raised_at LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 500))).query(FeeDisputeService::map).list();
	}

	@Override
	@Transactional
	public void resolve(UUID disputeId, String resolution, String by) {
		String text = resolution == null ? "" : resolution.strip();
		if (text.length() < 2 || text.length() > 500) {
			throw new ValidationFailedException(new FieldViolation("resolution", text.length() < 2 ? "TOO_SHORT" : "TOO_LONG"));
		}
		FeeDispute dispute = find(disputeId);
		int updated = jdbc.sql("""
				UPDATE fee_dispute SET status = 'RESOLVED', resolution = :resolution, resolved_by = :by, resolved_at = :now,
				    version = version + 1 WHERE id = :id AND status = 'OPEN'""")
			.param("resolution", text).param("by", by).param("now", Timestamps.toDb(clock.instant())).param("id", disputeId)
			.update();
		if (updated == 0) {
			throw new StateConflictException("DISPUTE_NOT_OPEN", "The dispute has been answered already");
		}
		audit.record(AuditEvent.of("FEE_DISPUTE_RESOLVED", "MERCHANT", dispute.merchantId().toString()).by(by)
			.after(Map.of("dispute", disputeId.toString(), "resolution", text)));
	}

	private FeeDispute find(UUID id) {
		return jdbc.sql("SELECT * FROM fee_dispute WHERE id = :id").param("id", id).query(FeeDisputeService::map).optional()
			.orElseThrow(() -> new ResourceNotFoundException("Fee dispute"));
	}

	private static FeeDispute map(ResultSet rs, int row) throws SQLException {
		return new FeeDispute(rs.getObject("id", UUID.class), new MerchantId(rs.getObject("merchant_id", UUID.class)),
				LineKind.ofEntry(rs.getString("entry_kind")), rs.getString("entry_reference"), Money.ofFen(rs.getLong("fee_fen")),
				rs.getString("reason"), rs.getString("status"), rs.getString("raised_by"),
				Timestamps.fromDb(rs.getObject("raised_at", OffsetDateTime.class)), rs.getString("resolution"),
				rs.getString("resolved_by"), Timestamps.fromDb(rs.getObject("resolved_at", OffsetDateTime.class)));
	}
}
