package com.settledesk.merchant.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantRegistration;
import com.settledesk.merchant.MerchantStatus;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.merchant.SettlementTerms;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.MobilePhoneNumber;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.ResidentIdNumber;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

@Service
class MerchantService implements Merchants {

	private static final Pattern MERCHANT_NO = Pattern.compile("[0-9]{15}");
	private static final Pattern MCC = Pattern.compile("[0-9]{4}");

	private static final String BY_NUMBERS = "SELECT * FROM merchant WHERE merchant_no IN (:keys)";
	private static final int IN_LIST = 1000;

	private final JdbcClient jdbc;
	private final PipelinedWrites writes;
	private final SensitiveDataProtector protector;
	private final AuditLog audit;
	private final Clock clock;

	MerchantService(JdbcClient jdbc, PipelinedWrites writes, SensitiveDataProtector protector, AuditLog audit,
			Clock clock) {
		this.writes = writes;
		this.jdbc = jdbc;
		this.protector = protector;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MerchantProfile> find(MerchantId id) {
		return jdbc.sql("SELECT * FROM merchant WHERE id = :id").param("id", id.value()).query(this::map).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<MerchantProfile> findByMerchantNo(String merchantNo) {
		return jdbc.sql("SELECT * FROM merchant WHERE merchant_no = :no").param("no", merchantNo).query(this::map).optional();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<MerchantId, MerchantProfile> findAll(Collection<MerchantId> ids) {
		Map<MerchantId, MerchantProfile> found = new HashMap<>();
		List<java.util.UUID> values = new HashSet<>(ids).stream().map(MerchantId::value).toList();
		for (int from = 0; from < values.size(); from += 1000) {
			jdbc.sql("SELECT * FROM merchant WHERE id IN (:ids)")
				.param("ids", values.subList(from, Math.min(values.size(), from + 1000)))
				.query(this::map).list().forEach(m -> found.put(m.id(), m));
		}
		return found;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, MerchantProfile> findByMerchantNos(Collection<String> merchantNos) {
		Map<String, MerchantProfile> found = new HashMap<>();
		List<String> numbers = List.copyOf(new HashSet<>(merchantNos));
		for (int from = 0; from < numbers.size(); from += IN_LIST) {
			jdbc.sql(BY_NUMBERS).param("keys", numbers.subList(from, Math.min(numbers.size(), from + IN_LIST)))
				.query(this::map).list().forEach(m -> found.put(m.merchantNo(), m));
		}
		return found;
	}

	@Override
	public Supplier<Map<String, MerchantProfile>> findByMerchantNosLater(Collection<String> merchantNos) {
		List<String> numbers = List.copyOf(new HashSet<>(merchantNos));
		if (numbers.isEmpty() || numbers.size() > IN_LIST) {
			Map<String, MerchantProfile> found = findByMerchantNos(numbers);
			return () -> found;
		}
		return writes.laterByKey(BY_NUMBERS, numbers, this::map, MerchantProfile::merchantNo);
	}

	@Override
	@Transactional(readOnly = true)
	public List<SettlementTerms> activeBySettlementMode(SettlementMode mode) {
		return jdbc.sql("SELECT id, fee_plan FROM merchant WHERE settlement_mode = :mode AND status = 'ACTIVE'")
			.param("mode", mode.name())
			.query((rs, row) -> new SettlementTerms(new MerchantId(rs.getObject(1, UUID.class)), rs.getString(2))).list();
	}

	@Override
	public long count() {
		return jdbc.sql("SELECT COUNT(*) FROM merchant").query(Long.class).single();
	}

	@Override
	@Transactional
	public MerchantProfile register(MerchantRegistration r) {
		String idNumber = ResidentIdNumber.normalize(r.legalIdNumber());
		validate(r, idNumber);
		MerchantId id = MerchantId.random();
		EncryptedValue legalId = protector.encrypt(idNumber);
		int inserted = jdbc.sql("""
				INSERT INTO merchant (id, merchant_no, kind, name, legal_name, legal_id_cipher, legal_id_fingerprint,
				    legal_id_masked, contact_phone, mcc, status, settlement_mode, fee_plan, language, business_address,
				    created_at, version)
				VALUES (:id, :no, :kind, :name, :legalName, :legalId, :legalIdFp, :legalIdMasked, :phone, :mcc, 'ACTIVE',
				    :mode, :feePlan, :language, :businessAddress, :createdAt, 0)
				ON CONFLICT DO NOTHING""")
			.param("id", id.value())
			.param("no", r.merchantNo())
			.param("kind", r.kind().name())
			.param("name", r.name().trim())
			.param("legalName", r.legalName().trim())
			.param("legalId", legalId.toStorage())
			.param("legalIdFp", protector.fingerprint(idNumber))
			.param("legalIdMasked", Masking.maskIdNumber(idNumber))
			.param("phone", r.contactPhone())
			.param("mcc", r.mcc())
			.param("mode", r.settlementMode().name())
			.param("feePlan", r.feePlan())
			.param("language", r.language().toLanguageTag())
			.param("businessAddress", r.businessAddress() == null ? null : r.businessAddress().strip())
			.param("createdAt", Timestamps.toDb(clock.instant()))
			.update();
		if (inserted == 0) {
			throw new StateConflictException("MERCHANT_NO_TAKEN", "The merchant number is taken");
		}
		audit.record(AuditEvent.of("MERCHANT_REGISTERED", "MERCHANT", r.merchantNo())
			.after(Map.of("name", r.name(), "kind", r.kind().name(), "legalId", Masking.maskIdNumber(idNumber),
					"settlementMode", r.settlementMode().name())));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public boolean isLegalRepresentative(MerchantId id, String idNumber) {
		String fingerprint = protector.fingerprint(ResidentIdNumber.normalize(idNumber));
		return jdbc.sql("SELECT COUNT(*) FROM merchant WHERE id = :id AND legal_id_fingerprint = :fp")
			.param("id", id.value()).param("fp", fingerprint).query(Long.class).single() == 1;
	}

	private static void validate(MerchantRegistration r, String idNumber) {
		List<FieldViolation> violations = new ArrayList<>();
		if (r.merchantNo() == null || !MERCHANT_NO.matcher(r.merchantNo()).matches()) {
			violations.add(new FieldViolation("merchantNo", "INVALID_MERCHANT_NO"));
		}
		if (r.kind() == null) {
			violations.add(new FieldViolation("kind", "REQUIRED"));
		}
		if (r.name() == null || r.name().isBlank()) {
			violations.add(new FieldViolation("name", "REQUIRED"));
		}
		if (r.legalName() == null || r.legalName().isBlank()) {
			violations.add(new FieldViolation("legalName", "REQUIRED"));
		}
		if (!ResidentIdNumber.isValid(idNumber)) {
			violations.add(new FieldViolation("legalIdNumber", "INVALID_ID_NUMBER"));
		}
		if (!MobilePhoneNumber.isValid(r.contactPhone())) {
			violations.add(new FieldViolation("contactPhone", "INVALID_PHONE"));
		}
		if (r.mcc() == null || !MCC.matcher(r.mcc()).matches()) {
			violations.add(new FieldViolation("mcc", "INVALID_FORMAT"));
		}
		if (r.settlementMode() == null) {
			violations.add(new FieldViolation("settlementMode", "REQUIRED"));
		}
		if (r.feePlan() == null || r.feePlan().isBlank()) {
			violations.add(new FieldViolation("feePlan", "REQUIRED"));
		}
		if (r.businessAddress() != null && r.businessAddress().strip().length() > 300) {
			violations.add(new FieldViolation("businessAddress", "TOO_LONG"));
		}
		if (r.language() == null) {
			violations.add(new FieldViolation("language", "REQUIRED"));
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
	}

	private MerchantProfile map(ResultSet rs, int row) throws SQLException {
		String masked = rs.getString("legal_id_masked");
		if (masked == null) {
			masked = Masking.maskIdNumber(protector.decrypt(EncryptedValue.fromStorage(rs.getString("legal_id_cipher"))));
		}
		return new MerchantProfile(new MerchantId(rs.getObject("id", UUID.class)), rs.getString("merchant_no"),
				MerchantKind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("legal_name"), masked, rs.getString("contact_phone"), rs.getString("mcc"),
				MerchantStatus.valueOf(rs.getString("status")), SettlementMode.valueOf(rs.getString("settlement_mode")),
				rs.getString("fee_plan"), Locale.forLanguageTag(rs.getString("language")),
				rs.getString("business_address"));
	}
}
