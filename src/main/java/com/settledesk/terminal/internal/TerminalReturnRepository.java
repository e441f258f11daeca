package com.settledesk.terminal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminal.TerminalReturns.Relocation;
import com.settledesk.terminal.TerminalReturns.RelocationStatus;
import com.settledesk.terminal.TerminalReturns.Return;

/** Relocation requests (移机) and returns (退机), in SQL. */
@Repository
class TerminalReturnRepository {

	private final JdbcClient jdbc;

	TerminalReturnRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a pending relocation; answers false when the terminal has one open already. */
	boolean insertRelocation(UUID id, String serialNo, MerchantId merchantId, String from, String to, String reason,
			String by, Instant at) {
		return jdbc.sql("""
				INSERT INTO terminal_relocation (id, serial_no, merchant_id, open_serial, from_address, to_address, reason,
				    status, requested_by, requested_at)
				VALUES (:id, :sn, :merchant, :sn, :from, :to, :reason, 'PENDING', :by, :at) ON CONFLICT DO NOTHING""")
			.param("id", id).param("sn", serialNo).param("merchant", merchantId.value()).param("from", from)
			.param("to", to).param("reason", reason).param("by", by).param("at", Timestamps.toDb(at))
			.update() == 1;
	}

	Optional<Relocation> lockRelocation(UUID id) {
		return jdbc.sql("SELECT * FROM terminal_relocation WHERE id = :id FOR UPDATE").param("id", id)
			.query(TerminalReturnRepository::relocation).optional();
	}

	void decideRelocation(UUID id, RelocationStatus status, String note, String by, Instant at) {
		jdbc.sql("""
				UPDATE terminal_relocation SET status = :status, open_serial = NULL, decided_by = :by, decided_at = :at,
				    decision_note = :note WHERE id = :id AND status = 'PENDING'""")
			.param("status", status.name()).param("by", by).param("at", Timestamps.toDb(at)).param("note", note)
			.param("id", id).update();
	}

	List<Relocation> pendingRelocations() {
		return jdbc.sql("SELECT * FROM terminal_relocation WHERE status = 'PENDING' ORDER BY requested_at")
			.query(TerminalReturnRepository::relocation).list();
	}

	List<Relocation> relocationsOf(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM terminal_relocation WHERE merchant_id = :m ORDER BY requested_at DESC LIMIT 100")
			.param("m", merchantId.value()).query(TerminalReturnRepository::relocation).list();
	}

	void insertReturn(String serialNo, MerchantId merchantId, UUID applicationId, String reason, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO terminal_return (id, serial_no, merchant_id, application_id, open_serial, reason, requested_by,
				    requested_at)
				VALUES (:id, :sn, :merchant, :application, :sn, :reason, :by, :at)""")
			.param("id", UUID.randomUUID()).param("sn", serialNo).param("merchant", merchantId.value())
			.param("application", applicationId).param("reason", reason).param("by", by).param("at", Timestamps.toDb(at))
			.update();
	}

	void markReceived(String serialNo, String by, Instant at) {
		jdbc.sql("UPDATE terminal_return SET received_by = :by, received_at = :at WHERE open_serial = :sn")
			.param("by", by).param("at", Timestamps.toDb(at)).param("sn", serialNo).update();
	}

	void markWiped(String serialNo, String by, Instant at) {
		jdbc.sql("UPDATE terminal_return SET wiped_by = :by, wiped_at = :at, open_serial = NULL WHERE open_serial = :sn")
			.param("by", by).param("at", Timestamps.toDb(at)).param("sn", serialNo).update();
	}

	List<Return> open() {
		return jdbc.sql("""
				SELECT r.*, t.model_code FROM terminal_return r LEFT JOIN terminal t ON t.serial_no = r.serial_no
				WHERE r.open_serial IS NOT NULL ORDER BY r.requested_at""")
			.query(TerminalReturnRepository::returned).list();
	}

	List<Return> receivedFrom(MerchantId merchantId) {
		return jdbc.sql("""
				SELECT r.*, t.model_code FROM terminal_return r LEFT JOIN terminal t ON t.serial_no = r.serial_no
				WHERE r.merchant_id = :m AND r.received_at IS NOT NULL ORDER BY r.received_at DESC LIMIT 100""")
			.param("m", merchantId.value()).query(TerminalReturnRepository::returned).list();
	}

	private static Relocation relocation(ResultSet rs, int row) throws SQLException {
		return new Relocation(rs.getObject("id", UUID.class), rs.getString("serial_no"),
				new MerchantId(rs.getObject("merchant_id", UUID.class)), rs.getString("from_address"),
				rs.getString("to_address"), rs.getString("reason"), RelocationStatus.valueOf(rs.getString("status")),
				rs.getString("requested_by"), instant(rs, "requested_at"), rs.getString("decided_by"),
				instant(rs, "decided_at"), rs.getString("decision_note"));
	}

	private static Return returned(ResultSet rs, int row) throws SQLException {
		return new Return(rs.getObject("id", UUID.class), rs.getString("serial_no"),
				new MerchantId(rs.getObject("merchant_id", UUID.class)), rs.getString("model_code"), rs.getString("reason"),
				instant(rs, "requested_at"), instant(rs, "received_at"), rs.getString("received_by"),
				instant(rs, "wiped_at"), rs.getString("wiped_by"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return Timestamps.fromDb(rs.getObject(column, OffsetDateTime.class));
	}
}
