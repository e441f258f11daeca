package com.settledesk.terminal.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.settledesk.secrets.EncryptedValue;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.SettlementAccountId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.terminal.ChargeKind;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalEvent;
import com.settledesk.terminal.TerminalKind;
import com.settledesk.terminal.TerminalModel;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;

/** The terminal aggregate, its history and the catalogue, in SQL. */
@Repository
class TerminalRepository {

	private static final String VIEW = """
			SELECT t.*, m.name AS model_name, m.channels AS model_channels
			FROM terminal t LEFT JOIN terminal_model m ON m.code = t.model_code""";
	private static final String BY_SERIAL_NOS = VIEW + " WHERE t.serial_no IN (:keys)";
	private static final int IN_LIST = 1000;

	private final JdbcClient jdbc;
	private final PipelinedWrites writes;

	TerminalRepository(JdbcClient jdbc, PipelinedWrites writes) {
		this.jdbc = jdbc;
		this.writes = writes;
	}

	Optional<TerminalView> find(String serialNo) {
		return jdbc.sql(VIEW + " WHERE t.serial_no = :sn").param("sn", serialNo).query(TerminalRepository::view).optional();
	}

	Optional<TerminalView> findByTerminalId(String terminalId) {
		return jdbc.sql(VIEW + " WHERE t.terminal_id = :tid").param("tid", terminalId).query(TerminalRepository::view)
			.optional();
	}

	Map<String, TerminalView> findAll(Collection<String> serialNos) {
		Map<String, TerminalView> found = new HashMap<>();
		List<String> numbers = List.copyOf(new HashSet<>(serialNos));
		for (int from = 0; from < numbers.size(); from += IN_LIST) {
			jdbc.sql(BY_SERIAL_NOS).param("keys", numbers.subList(from, Math.min(numbers.size(), from + IN_LIST)))
				.query(TerminalRepository::view).list().forEach(t -> found.put(t.serialNo(), t));
		}
		return found;
	}

	/** {@link #findAll}, read when first asked for (with the other reads waiting then, inside a pipeline). */
	Supplier<Map<String, TerminalView>> findAllLater(Collection<String> serialNos) {
		List<String> numbers = List.copyOf(new HashSet<>(serialNos));
		if (numbers.isEmpty() || numbers.size() > IN_LIST) {
			Map<String, TerminalView> found = findAll(numbers);
			return () -> found;
		}
		return writes.laterByKey(BY_SERIAL_NOS, numbers, TerminalRepository::view, TerminalView::serialNo);
	}

	List<TerminalView> ofMerchant(MerchantId merchantId) {
		return jdbc.sql(VIEW + " WHERE t.merchant_id = :merchant ORDER BY t.serial_no")
			.param("merchant", merchantId.value()).query(TerminalRepository::view).list();
	}

	List<TerminalView> search(String serialOrTerminalId, MerchantId merchantId, TerminalStatus status, int limit) {
		StringBuilder sql = new StringBuilder(VIEW).append(" WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (serialOrTerminalId != null) {
			sql.append(" AND (t.serial_no = :number OR t.terminal_id = :number)");
			params.put("number", serialOrTerminalId);
		}
		if (merchantId != null) {
			sql.append(" AND t.merchant_id = :merchant");
			params.put("merchant", merchantId.value());
		}
		if (status != null) {
			sql.append(" AND t.status = :status");
			params.put("status", status.name());
		}
		sql.append(" ORDER BY t.updated_at DESC NULLS LAST, t.serial_no LIMIT :limit");
		params.put("limit", limit);
		return jdbc.sql(sql.toString()).params(params).query(TerminalRepository::view).list();
	}

	List<TerminalView> lockedFor(Collection<LockReason> reasons) {
		return jdbc.sql(VIEW + " WHERE t.status = 'LOCKED' AND t.lock_reason IN (:reasons) ORDER BY t.updated_at DESC")
			.param("reasons", reasons.stream().map(Enum::name).toList()).query(TerminalRepository::view).list();
	}

	List<TerminalView> inStock(String modelCode, int limit) {
		if (modelCode == null) {
			return jdbc.sql(VIEW + " WHERE t.status = 'IN_STOCK' ORDER BY t.created_at, t.serial_no LIMIT :limit")
				.param("limit", limit).query(TerminalRepository::view).list();
		}
		return jdbc.sql(VIEW + " WHERE t.status = 'IN_STOCK' AND t.model_code = :model"
				+ " ORDER BY t.created_at, t.serial_no LIMIT :limit")
			.param("model", modelCode).param("limit", limit).query(TerminalRepository::view).list();
	}

	Map<String, Long> stockCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		models().forEach(m -> counts.put(m.code(), 0L));
		jdbc.sql("SELECT model_code, COUNT(*) FROM terminal WHERE status = 'IN_STOCK' GROUP BY model_code")
			.query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
		return counts;
	}

	/** Ends a run of MAC failures; answers the serial number when there was one. */
	Optional<String> endMacFailures(String terminalId) {
		int updated = jdbc.sql("""
				UPDATE terminal SET mac_failures = 0, version = version + 1
				WHERE terminal_id = :tid AND mac_failures > 0 AND status = 'ACTIVE'""")
			.param("tid", terminalId).update();
		return updated == 0 ? Optional.empty()
				: jdbc.sql("SELECT serial_no FROM terminal WHERE terminal_id = :tid").param("tid", terminalId)
					.query(String.class).optional();
	}

	/** The current MAC key of the terminal, if it signed on. */
	Optional<StoredMacKey> macKeyOf(String terminalId) {
		return jdbc.sql("SELECT mac_key_cipher, mac_failures FROM terminal WHERE terminal_id = :tid")
			.param("tid", terminalId)
			.query((rs, row) -> {
				String key = rs.getString(1);
				return key == null ? Optional.<StoredMacKey>empty()
						: Optional.of(new StoredMacKey(EncryptedValue.fromStorage(key), rs.getInt(2)));
			})
			.optional().flatMap(o -> o);
	}

	record StoredMacKey(EncryptedValue key, int failures) {
	}

	/** The terminal as stored, for reading only. */
	Optional<Terminal> load(String serialNo) {
		return jdbc.sql("SELECT * FROM terminal WHERE serial_no = :sn").param("sn", serialNo)
			.query(TerminalRepository::aggregate).optional();
	}

	/** The terminal under a row lock, for a guarded change. */
	Optional<Terminal> lock(String serialNo) {
		return jdbc.sql("SELECT * FROM terminal WHERE serial_no = :sn FOR UPDATE").param("sn", serialNo)
			.query(TerminalRepository::aggregate).optional();
	}

	Optional<Terminal> lockByTerminalId(String terminalId) {
		return jdbc.sql("SELECT * FROM terminal WHERE terminal_id = :tid FOR UPDATE").param("tid", terminalId)
			.query(TerminalRepository::aggregate).optional();
	}

	/** Saves the changed terminal; one changed by someone else since it was read is a 409. */
	void save(Terminal t, Instant now) {
		int updated = jdbc.sql("""
				UPDATE terminal SET terminal_id = :tid, merchant_id = :merchant, settlement_account_id = :account,
				    install_address = :address, status = :status, lock_reason = :lockReason, application_id = :application,
				    activation_code_cipher = :code, activation_failures = :activationFailures,
				    master_key_cipher = :masterKey, mac_key_cipher = :macKey, mac_failures = :macFailures,
				    shipped_at = :shippedAt, activated_at = :activatedAt, updated_at = :now, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("tid", t.terminalId)
			.param("merchant", t.merchantId == null ? null : t.merchantId.value())
			.param("account", t.settlementAccountId == null ? null : t.settlementAccountId.value())
			.param("address", t.installAddress)
			.param("status", t.status.name())
			.param("lockReason", t.lockReason == null ? null : t.lockReason.name())
			.param("application", t.applicationId)
			.param("code", stored(t.activationCode))
			.param("activationFailures", t.activationFailures)
			.param("masterKey", stored(t.masterKey))
			.param("macKey", stored(t.macKey))
			.param("macFailures", t.macFailures)
			.param("shippedAt", Timestamps.toDb(t.shippedAt))
			.param("activatedAt", Timestamps.toDb(t.activatedAt))
			.param("now", Timestamps.toDb(now))
			.param("id", t.id)
			.param("version", t.version)
			.update();
		if (updated != 1) {
			throw new StateConflictException("CONCURRENT_UPDATE", "The terminal was changed meanwhile");
		}
	}

	/** Inserts a terminal; answers false when the serial number is known. */
	boolean insert(String serialNo, String modelCode, String modelName, TerminalStatus status, MerchantId merchantId,
			SettlementAccountId accountId, String address, Instant now) {
		return jdbc.sql("""
				INSERT INTO terminal (id, serial_no, merchant_id, settlement_account_id, model, model_code, install_address,
				    status, activated_at, created_at, updated_at, version)
				VALUES (:id, :sn, :merchant, :account, :model, :modelCode, :address, :status, :activatedAt, :now, :now, 0)
				ON CONFLICT DO NOTHING""")
			.param("id", UUID.randomUUID())
			.param("sn", serialNo)
			.param("merchant", merchantId == null ? null : merchantId.value())
			.param("account", accountId == null ? null : accountId.value())
			.param("model", modelName)
			.param("modelCode", modelCode)
			.param("address", address)
			.param("status", status.name())
			.param("activatedAt", status == TerminalStatus.ACTIVE ? Timestamps.toDb(now) : null)
			.param("now", Timestamps.toDb(now))
			.update() == 1;
	}

	boolean terminalIdTaken(String terminalId) {
		return jdbc.sql("SELECT COUNT(*) FROM terminal WHERE terminal_id = :tid").param("tid", terminalId)
			.query(Long.class).single() > 0;
	}

	void recordEvent(String serialNo, MerchantId merchantId, String event, String note, String by, Instant at) {
		jdbc.sql("""
				INSERT INTO terminal_event (serial_no, merchant_id, event, note, by_user, at)
				VALUES (:sn, :merchant, :event, :note, :by, :at)""")
			.param("sn", serialNo)
			.param("merchant", merchantId == null ? null : merchantId.value())
			.param("event", event).param("note", note).param("by", by).param("at", Timestamps.toDb(at))
			.update();
	}

	List<TerminalEvent> events(String serialNo) {
		return jdbc.sql("SELECT * FROM terminal_event WHERE serial_no = :sn ORDER BY seq").param("sn", serialNo)
			.query((rs, row) -> new TerminalEvent(rs.getString("serial_no"), rs.getString("event"), rs.getString("note"),
					rs.getString("by_user"), Timestamps.fromDb(rs.getObject("at", OffsetDateTime.class))))
			.list();
	}

	List<UUID> idsOfMerchant(MerchantId merchantId) {
		return jdbc.sql("SELECT id FROM terminal WHERE merchant_id = :merchant").param("merchant", merchantId.value())
			.query((rs, row) -> rs.getObject(1, UUID.class)).list();
	}

	void rebind(UUID terminal, MerchantId merchantId, SettlementAccountId accountId, String reason, Instant now) {
		jdbc.sql("UPDATE terminal SET settlement_account_id = :account, version = version + 1 WHERE id = :id")
			.param("account", accountId.value()).param("id", terminal).update();
		jdbc.sql("""
				INSERT INTO terminal_binding (id, terminal_id, merchant_id, settlement_account_id, bound_at, reason)
				VALUES (:id, :terminal, :merchant, :account, :at, :reason)""")
			.param("id", UUID.randomUUID()).param("terminal", terminal).param("merchant", merchantId.value())
			.param("account", accountId.value()).param("at", Timestamps.toDb(now)).param("reason", reason).update();
	}

	List<TerminalModel> models() {
		return jdbc.sql("SELECT * FROM terminal_model ORDER BY sort_order, code").query(TerminalRepository::model).list();
	}

	Optional<TerminalModel> model(String code) {
		return jdbc.sql("SELECT * FROM terminal_model WHERE code = :code").param("code", code)
			.query(TerminalRepository::model).optional();
	}

	Optional<EncryptedValue> transportKey(String modelCode) {
		return jdbc.sql("SELECT transport_key_cipher FROM terminal_model WHERE code = :code")
			.param("code", modelCode).query((rs, row) -> Optional.ofNullable(rs.getString(1)).map(EncryptedValue::fromStorage))
			.optional().flatMap(o -> o);
	}

	/** Sets the model's transport key unless one was set meanwhile; answers the one in force. */
	EncryptedValue setTransportKeyIfAbsent(String modelCode, EncryptedValue key) {
		jdbc.sql("UPDATE terminal_model SET transport_key_cipher = :key WHERE code = :code AND transport_key_cipher IS NULL")
			.param("key", key.toStorage()).param("code", modelCode).update();
		return transportKey(modelCode).orElseThrow();
	}

	/** Counts a failed activation from an address in a window; answers the failures in the current window. */
	int countActivationFailure(String address, Instant now, java.time.Duration window) {
		jdbc.sql("INSERT INTO terminal_activation_throttle (address, failures) VALUES (:a, 0) ON CONFLICT DO NOTHING")
			.param("a", address).update();
		var row = jdbc.sql("SELECT failures, window_started_at FROM terminal_activation_throttle WHERE address = :a FOR UPDATE")
			.param("a", address)
			.query((rs, r) -> new Object[] { rs.getInt(1), Timestamps.fromDb(rs.getObject(2, OffsetDateTime.class)) })
			.single();
		Instant started = (Instant) row[1];
		int failures = started == null || started.plus(window).isBefore(now) ? 1 : (int) row[0] + 1;
		Instant windowStart = failures == 1 ? now : started;
		jdbc.sql("UPDATE terminal_activation_throttle SET failures = :f, window_started_at = :s WHERE address = :a")
			.param("f", failures).param("s", Timestamps.toDb(windowStart)).param("a", address).update();
		return failures;
	}

	int activationFailures(String address, Instant now, java.time.Duration window) {
		return jdbc.sql("SELECT failures, window_started_at FROM terminal_activation_throttle WHERE address = :a")
			.param("a", address)
			.query((rs, r) -> {
				Instant started = Timestamps.fromDb(rs.getObject(2, OffsetDateTime.class));
				return started == null || started.plus(window).isBefore(now) ? 0 : rs.getInt(1);
			})
			.optional().orElse(0);
	}

	private static EncryptedValue encrypted(ResultSet rs, String column) throws SQLException {
		String value = rs.getString(column);
		return value == null ? null : EncryptedValue.fromStorage(value);
	}

	private static String stored(EncryptedValue value) {
		return value == null ? null : value.toStorage();
	}

	private static Terminal aggregate(ResultSet rs, int row) throws SQLException {
		Terminal t = new Terminal(rs.getObject("id", UUID.class), rs.getString("serial_no"), rs.getString("model_code"),
				TerminalStatus.valueOf(rs.getString("status")), rs.getLong("version"));
		t.terminalId = rs.getString("terminal_id");
		UUID merchant = rs.getObject("merchant_id", UUID.class);
		t.merchantId = merchant == null ? null : new MerchantId(merchant);
		UUID account = rs.getObject("settlement_account_id", UUID.class);
		t.settlementAccountId = account == null ? null : new SettlementAccountId(account);
		t.installAddress = rs.getString("install_address");
		String lockReason = rs.getString("lock_reason");
		t.lockReason = lockReason == null ? null : LockReason.valueOf(lockReason);
		t.applicationId = rs.getObject("application_id", UUID.class);
		t.activationCode = encrypted(rs, "activation_code_cipher");
		t.activationFailures = rs.getInt("activation_failures");
		t.masterKey = encrypted(rs, "master_key_cipher");
		t.macKey = encrypted(rs, "mac_key_cipher");
		t.macFailures = rs.getInt("mac_failures");
		t.shippedAt = Timestamps.fromDb(rs.getObject("shipped_at", OffsetDateTime.class));
		t.activatedAt = Timestamps.fromDb(rs.getObject("activated_at", OffsetDateTime.class));
		return t;
	}

	private static TerminalView view(ResultSet rs, int row) throws SQLException {
		UUID merchant = rs.getObject("merchant_id", UUID.class);
		UUID account = rs.getObject("settlement_account_id", UUID.class);
		String lockReason = rs.getString("lock_reason");
		String modelName = rs.getString("model_name");
		return new TerminalView(rs.getString("serial_no"), rs.getString("terminal_id"),
				merchant == null ? null : new MerchantId(merchant), account == null ? null : new SettlementAccountId(account),
				rs.getString("model_code"), modelName == null ? rs.getString("model") : modelName,
				channels(rs.getString("model_channels")), rs.getString("install_address"),
				TerminalStatus.valueOf(rs.getString("status")), lockReason == null ? null : LockReason.valueOf(lockReason),
				rs.getObject("application_id", UUID.class), Timestamps.fromDb(rs.getObject("shipped_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("activated_at", OffsetDateTime.class)));
	}

	private static Set<String> channels(String stored) {
		return stored == null || stored.isBlank() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(",")));
	}

	private static TerminalModel model(ResultSet rs, int row) throws SQLException {
		return new TerminalModel(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
				TerminalKind.valueOf(rs.getString("kind")), ChargeKind.valueOf(rs.getString("charge_kind")),
				Money.ofFen(rs.getLong("deposit_fen")), Money.ofFen(rs.getLong("monthly_rent_fen")),
				channels(rs.getString("channels")));
	}
}
