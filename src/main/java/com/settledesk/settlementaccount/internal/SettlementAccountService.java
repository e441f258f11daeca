package com.settledesk.settlementaccount.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.CardBinLookup;
import com.settledesk.settlementaccount.NewSettlementAccount;
import com.settledesk.settlementaccount.PayoutDestination;
import com.settledesk.settlementaccount.ProtectedAccount;
import com.settledesk.settlementaccount.SettlementAccountChanged;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResidentIdNumber;
import com.settledesk.shared.SettlementAccountId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

@Service
class SettlementAccountService implements SettlementAccounts {

	private final JdbcClient jdbc;
	private final SensitiveDataProtector protector;
	private final CardBinLookup bins;
	private final AuditLog audit;
	private final Clock clock;
	private final ApplicationEventPublisher events;

	SettlementAccountService(JdbcClient jdbc, SensitiveDataProtector protector, CardBinLookup bins, AuditLog audit,
			Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.protector = protector;
		this.bins = bins;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<SettlementAccountView> active(MerchantId merchantId) {
		return jdbc.sql("SELECT * FROM settlement_account WHERE active_merchant_id = :merchant")
			.param("merchant", merchantId.value())
			.query(SettlementAccountService::map)
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<SettlementAccountView> history(MerchantId merchantId) {
		return jdbc.sql("""
				SELECT * FROM settlement_account WHERE merchant_id = :merchant AND status = 'UNBOUND'
				ORDER BY unbound_at DESC""")
			.param("merchant", merchantId.value())
			.query(SettlementAccountService::map)
			.list();
	}

	@Override
	@Transactional
	public SettlementAccountView bindInitial(MerchantId merchantId, NewSettlementAccount account) {
		if (active(merchantId).isPresent()) {
			throw new StateConflictException("ACCOUNT_ALREADY_BOUND", "The merchant has a settlement account");
		}
		String bankCode = account.accountType() == AccountType.PERSONAL
				? bins.lookup(account.accountNumber())
					.orElseThrow(() -> new ValidationFailedException(new FieldViolation("accountNumber", "UNKNOWN_BIN")))
					.bankCode()
				: account.bankCode();
		String bankName = bins.bankName(bankCode)
			.orElseThrow(() -> new ValidationFailedException(new FieldViolation("bankCode", "UNKNOWN_BANK")));
		SettlementAccountId id = SettlementAccountId.random();
		Instant now = clock.instant();
		String holderId = ResidentIdNumber.normalize(account.holderIdNumber());
		String masked = Masking.maskAccountNumber(account.accountNumber());
		jdbc.sql("""
				INSERT INTO settlement_account (id, merchant_id, account_type, account_name, account_number_cipher,
				    account_number_fingerprint, account_number_masked, bank_code, bank_name, bank_branch, cnaps_code,
				    holder_id_cipher, reserved_phone, status, active_merchant_id, bound_at)
				VALUES (:id, :merchant, :type, :name, :cipher, :fingerprint, :masked, :bankCode, :bankName, :branch,
				    :cnaps, :holderId, :phone, 'ACTIVE', :merchant, :boundAt)""")
			.param("id", id.value())
			.param("merchant", merchantId.value())
			.param("type", account.accountType().name())
			.param("name", account.accountName())
			.param("cipher", protector.encrypt(account.accountNumber()).toStorage())
			.param("fingerprint", protector.fingerprint(account.accountNumber()))
			.param("masked", masked)
			.param("bankCode", bankCode)
			.param("bankName", bankName)
			.param("branch", account.bankBranch())
			.param("cnaps", account.cnapsCode())
			.param("holderId", holderId == null ? null : protector.encrypt(holderId).toStorage())
			.param("phone", account.reservedPhone())
			.param("boundAt", Timestamps.toDb(now))
			.update();
		audit.record(AuditEvent.of("SETTLEMENT_ACCOUNT_BOUND", "MERCHANT", merchantId.toString())
			.after(Map.of("accountId", id.toString(), "accountType", account.accountType().name(),
					"accountNumber", masked, "bank", bankName)));
		return active(merchantId).orElseThrow();
	}

	@Override
	@Transactional
	public SettlementAccountView switchTo(MerchantId merchantId, ProtectedAccount account, String reason) {
		Instant now = clock.instant();
		SettlementAccountView previous = active(merchantId)
			.orElseThrow(() -> new StateConflictException("NO_ACTIVE_ACCOUNT", "The merchant has no active account"));
		jdbc.sql("""
				UPDATE settlement_account SET status = 'UNBOUND', active_merchant_id = NULL, unbound_at = :now
				WHERE id = :id AND status = 'ACTIVE'""")
			.param("now", Timestamps.toDb(now)).param("id", previous.id().value()).update();
		SettlementAccountId id = SettlementAccountId.random();
		jdbc.sql("""
				INSERT INTO settlement_account (id, merchant_id, account_type, account_name, account_number_cipher,
				    account_number_fingerprint, account_number_masked, bank_code, bank_name, bank_branch, cnaps_code,
				    holder_id_cipher, reserved_phone, status, active_merchant_id, bound_at)
				VALUES (:id, :merchant, :type, :name, :cipher, :fingerprint, :masked, :bankCode, :bankName, :branch,
				    :cnaps, :holderId, :phone, 'ACTIVE', :merchant, :boundAt)""")
			.param("id", id.value()).param("merchant", merchantId.value()).param("type", account.accountType().name())
			.param("name", account.accountName()).param("cipher", account.numberCipher())
			.param("fingerprint", account.fingerprint()).param("masked", account.masked())
			.param("bankCode", account.bankCode()).param("bankName", account.bankName())
			.param("branch", account.bankBranch()).param("cnaps", account.cnapsCode())
			.param("holderId", account.holderIdCipher()).param("phone", account.reservedPhone())
			.param("boundAt", Timestamps.toDb(now))
			.update();
		events.publishEvent(new SettlementAccountChanged(merchantId.value(), previous.id().value(), id.value(),
				account.masked(), now));
		audit.record(AuditEvent.of("SETTLEMENT_ACCOUNT_SWITCHED", "MERCHANT", merchantId.toString()).by("system")
			.before(Map.of("accountId", previous.id().toString(), "account", previous.accountNumberMasked()))
			.after(Map.of("accountId", id.toString(), "account", account.masked(), "reason", reason)));
		return active(merchantId).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<MerchantId, PayoutDestination> payoutDestinations(Collection<MerchantId> merchantIds) {
		Map<MerchantId, PayoutDestination> destinations = new HashMap<>();
		List<UUID> ids = merchantIds.stream().map(MerchantId::value).toList();
		for (int from = 0; from < ids.size(); from += 1000) {
			jdbc.sql("""
					SELECT active_merchant_id, id, account_number_masked, account_name, account_number_fingerprint,
					    account_number_cipher
					FROM settlement_account WHERE active_merchant_id IN (:ids)""")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
				.query((rs, row) -> destinations.put(new MerchantId(rs.getObject(1, UUID.class)),
						new PayoutDestination(new SettlementAccountId(rs.getObject(2, UUID.class)), rs.getString(3),
								rs.getString(4), rs.getString(5), rs.getString(6))))
				.list();
		}
		return destinations;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean activeForAnotherMerchant(String fingerprint, MerchantId merchantId) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM settlement_account WHERE account_number_fingerprint = :fp AND status = 'ACTIVE'
				AND merchant_id <> :merchant""")
			.param("fp", fingerprint).param("merchant", merchantId.value()).query(Long.class).single() > 0;
	}

	private static SettlementAccountView map(ResultSet rs, int row) throws SQLException {
		return new SettlementAccountView(new SettlementAccountId(rs.getObject("id", UUID.class)),
				new MerchantId(rs.getObject("merchant_id", UUID.class)), AccountType.valueOf(rs.getString("account_type")),
				rs.getString("account_number_masked"), rs.getString("account_number_fingerprint"),
				rs.getString("account_name"), rs.getString("bank_code"), rs.getString("bank_name"),
				rs.getString("bank_branch"), rs.getString("cnaps_code"),
				Timestamps.fromDb(rs.getObject("bound_at", OffsetDateTime.class)),
				Timestamps.fromDb(rs.getObject("unbound_at", OffsetDateTime.class)));
	}
}
