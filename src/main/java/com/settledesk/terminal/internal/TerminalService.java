package com.settledesk.terminal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

@Service
class TerminalService implements Terminals {

	private final JdbcClient jdbc;
	private final AuditLog audit;
	private final Clock clock;

	TerminalService(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TerminalView> findBySerialNo(String serialNo) {
		return jdbc.sql("SELECT * FROM terminal WHERE serial_no = :sn").param("sn", serialNo)
			.query(TerminalService::map).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, TerminalView> findBySerialNos(Collection<String> serialNos) {
		Map<String, TerminalView> found = new HashMap<>();
		List<String> numbers = List.copyOf(new HashSet<>(serialNos));
		for (int from = 0; from < numbers.size(); from += 1000) {
			jdbc.sql("SELECT * FROM terminal WHERE serial_no IN (:numbers)")
				.param("numbers", numbers.subList(from, Math.min(numbers.size(), from + 1000)))
				.query(TerminalService::map).list().forEach(t -> found.put(t.serialNo(), t));
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalView> ofMerchant(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM terminal WHERE merchant_id = :merchant ORDER BY serial_no")
			.param("merchant", merchantId.value()).query(TerminalService::map).list();
	}

	@Override
	@Transactional
	public TerminalView registerActive(String serialNo, String model, MerchantId merchantId,
			SettlementAccountId settlementAccountId, String installAddress) {
		int inserted = jdbc.sql("""
				INSERT INTO terminal (id, serial_no, merchant_id, settlement_account_id, model, install_address, status,
				    created_at, version)
				VALUES (:id, :sn, :merchant, :account, :model, :address, 'ACTIVE', :createdAt, 0)
				ON CONFLICT DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("sn", serialNo)
			.param("merchant", merchantId.value())
			.param("account", settlementAccountId.value())
			.param("model", model)
			.param("address", installAddress)
			.param("createdAt", Timestamps.toDb(clock.instant()))
			.update();
		if (inserted == 0) {
			throw new StateConflictException("TERMINAL_EXISTS", "The serial number is registered");
		}
		audit.record(AuditEvent.of("TERMINAL_REGISTERED", "TERMINAL", serialNo)
			.after(Map.of("merchantId", merchantId.toString(), "settlementAccountId", settlementAccountId.toString())));
		return findBySerialNo(serialNo).orElseThrow();
	}

	@Override
	@Transactional
	public int rebindSettlementAccount(MerchantId merchantId, SettlementAccountId accountId, String reason) {
		var now = Timestamps.toDb(clock.instant());
		List<UUID> terminals = jdbc.sql("SELECT id FROM terminal WHERE merchant_id = :merchant")
			.param("merchant", merchantId.value()).query((rs, row) -> rs.getObject(1, UUID.class)).list();
		for (UUID terminal : terminals) {
			jdbc.sql("UPDATE terminal SET settlement_account_id = :account, version = version + 1 WHERE id = :id")
				.param("account", accountId.value()).param("id", terminal).update();
			jdbc.sql("""
					INSERT INTO terminal_binding (id, terminal_id, merchant_id, settlement_account_id, bound_at, reason)
					VALUES (:id, :terminal, :merchant, :account, :at, :reason)""")
				.param("id", UUID.randomUUID()).param("terminal", terminal).param("merchant", merchantId.value())
				.param("account", accountId.value()).param("at", now).param("reason", reason).update();
		}
		audit.record(AuditEvent.of("TERMINALS_REBOUND", "MERCHANT", merchantId.toString()).by("system")
			.after(Map.of("settlementAccountId", accountId.toString(), "terminals", terminals.size(), "reason", reason)));
		return terminals.size();
	}

	private static TerminalView map(ResultSet rs, int row) throws SQLException {
		UUID merchant = rs.getObject("merchant_id", UUID.class);
		UUID account = rs.getObject("settlement_account_id", UUID.class);
		return new TerminalView(rs.getString("serial_no"), merchant == null ? null : new MerchantId(merchant),
				account == null ? null : new SettlementAccountId(account), rs.getString("model"),
				rs.getString("install_address"), TerminalStatus.valueOf(rs.getString("status")));
	}
}
