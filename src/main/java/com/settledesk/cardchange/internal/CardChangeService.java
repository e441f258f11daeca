package com.settledesk.cardchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.attachment.AttachmentKind;
import com.settledesk.attachment.AttachmentView;
import com.settledesk.attachment.Attachments;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.OneTimeCodes;
import com.settledesk.identity.OtpPurpose;
import com.settledesk.identity.Role;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.BankCardNumbers;
import com.settledesk.settlementaccount.CardBin;
import com.settledesk.settlementaccount.CardBinLookup;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResidentIdNumber;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant side of a change. Submissions of one merchant are serialised by a row lock, so the check
 * for an open request, the one-time code and the insert are decided one submission at a time; the unique
 * constraint on the open request backs that up. A wrong code is committed (it counts a try) before 422.
 */
@Service
class CardChangeService implements CardChanges {

	private static final int MAX_IDEMPOTENCY_KEY = 64;

	private final ChangeRequestRepository requests;
	private final IdempotencyRecords idempotency;
	private final Merchants merchants;
	private final SettlementAccounts accounts;
	private final CardBinLookup bins;
	private final Attachments attachments;
	private final OneTimeCodes codes;
	private final SensitiveDataProtector protector;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final JsonMapper json;

	CardChangeService(ChangeRequestRepository requests, IdempotencyRecords idempotency, Merchants merchants,
			SettlementAccounts accounts, CardBinLookup bins, Attachments attachments, OneTimeCodes codes,
			SensitiveDataProtector protector, AuditLog audit, ApplicationEventPublisher events, Clock clock,
			TransactionTemplate transactions, JsonMapper json) {
		this.requests = requests;
		this.idempotency = idempotency;
		this.merchants = merchants;
		this.accounts = accounts;
		this.bins = bins;
		this.attachments = attachments;
		this.codes = codes;
		this.protector = protector;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
		this.json = json;
	}

	@Override
	@Transactional(readOnly = true)
	public List<FieldViolation> checkCardDetails(CurrentUser user, ChangeDraft draft) {
		requireOwner(user);
		MerchantProfile merchant = merchant(user.requireMerchant());
		return CardChangeRules.cardDetails(draft, facts(merchant, draft));
	}

	@Override
	public void sendCode(CurrentUser user) {
		requireOwner(user);
		MerchantProfile merchant = merchant(user.requireMerchant());
		codes.send(user.userId(), OtpPurpose.SETTLEMENT_CARD_CHANGE, merchant.contactPhone(), merchant.language());
	}

	@Override
	public Submission submit(CurrentUser user, ChangeDraft draft, String otp, String clientIp, String idempotencyKey) {
		requireOwner(user);
		MerchantId merchantId = user.requireMerchant();
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
			throw new ValidationFailedException(new FieldViolation("Idempotency-Key", "INVALID_LENGTH"));
		}
		String requestHash = idempotencyKey == null ? null : requestHash(draft, otp);
		Decision decision = transactions.execute(status -> {
			requests.lockMerchant(merchantId);
			if (idempotencyKey != null) {
				var recorded = idempotency.find(user.username(), idempotencyKey);
				if (recorded.isPresent()) {
					if (!recorded.get().requestHash().equals(requestHash)) {
						throw new ValidationFailedException(new FieldViolation("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED"));
					}
					return Decision.replay(new ChangeRequestId(recorded.get().resourceId()));
				}
			}
			if (requests.openOf(merchantId).isPresent()) {
				throw new StateConflictException("CHANGE_REQUEST_OPEN", "The merchant has an open change request");
			}
			MerchantProfile merchant = merchant(merchantId);
			CardChangeRules.Facts facts = facts(merchant, draft);
			throwIfAny(CardChangeRules.complete(draft, facts));
			if (!codes.verify(user.userId(), OtpPurpose.SETTLEMENT_CARD_CHANGE, otp)) {
				return Decision.rejectedCode();
			}
			Instant now = clock.instant();
			NewAccount account = protect(draft, facts);
			ChangeRequestId id = ChangeRequestId.random();
			ChangeRequest request = ChangeRequest.submit(id, merchantId, account, draft.attachmentIds(),
					accounts.active(merchantId).map(SettlementAccountView::accountNumberMasked).orElse(null),
					protector.fingerprint(StopCodes.codeFor(protector, id)), user.username(), clientIp, now);
			requests.insert(request);
			request.pullEvents().forEach(events::publishEvent);
			audit.record(AuditEvent.of("CARD_CHANGE_SUBMITTED", "CARD_CHANGE_REQUEST", id.toString())
				.by(user.username()).from(clientIp)
				.before(Map.of("account", String.valueOf(request.previousAccountMasked())))
				.after(Map.of("accountType", account.type().name(), "account", account.masked(), "bank", account.bankName(),
						"holderIsLegalRepresentative", account.holderIsLegalRepresentative())));
			if (idempotencyKey != null) {
				idempotency.record(user.username(), idempotencyKey, requestHash, id.value());
			}
			return Decision.created(id);
		});
		if (decision.codeRejected()) {
			throw new ValidationFailedException(new FieldViolation("otp", "OTP_INVALID"));
		}
		return new Submission(find(merchantId, decision.id()).orElseThrow(), decision.replayed());
	}

	@Override
	public ChangeRequestView cancel(CurrentUser user, ChangeRequestId id) {
		requireOwner(user);
		MerchantId merchantId = user.requireMerchant();
		ConflictRetry.onConflict(() -> transactions.execute(status -> {
			ChangeRequest request = ownRequest(merchantId, id);
			request.cancel(user.username(), clock.instant(), null);
			requests.update(request);
			request.pullEvents().forEach(events::publishEvent);
			audit.record(AuditEvent.of("CARD_CHANGE_CANCELLED", "CARD_CHANGE_REQUEST", id.toString()).by(user.username()));
			return request;
		}));
		return find(merchantId, id).orElseThrow();
	}

	@Override
	public ChangeRequestView resubmit(CurrentUser user, ChangeRequestId id, ChangeDraft changes, String otp) {
		requireOwner(user);
		MerchantId merchantId = user.requireMerchant();
		boolean wrongCode = Boolean.TRUE.equals(transactions.execute(status -> {
			requests.lockMerchant(merchantId);
			ChangeRequest request = ownRequest(merchantId, id);
			if (request.status() != ChangeRequestStatus.NEEDS_INFO) {
				throw new StateConflictException("CHANGE_NOT_AWAITING_INFO", "Only a request awaiting information can be resubmitted");
			}
			ChangeDraft merged = merge(request, changes);
			MerchantProfile merchant = merchant(merchantId);
			CardChangeRules.Facts facts = facts(merchant, merged);
			throwIfAny(CardChangeRules.complete(merged, facts));
			NewAccount account = protect(merged, facts);
			boolean destinationChanged = !account.fingerprint().equals(request.account().fingerprint())
					|| !account.sameHolderAs(request.account());
			if (destinationChanged && !codes.verify(user.userId(), OtpPurpose.SETTLEMENT_CARD_CHANGE, otp)) {
				return true;
			}
			request.resubmit(account, merged.attachmentIds(), user.username(), clock.instant());
			requests.update(request);
			request.pullEvents().forEach(events::publishEvent);
			audit.record(AuditEvent.of("CARD_CHANGE_RESUBMITTED", "CARD_CHANGE_REQUEST", id.toString()).by(user.username())
				.after(Map.of("account", account.masked(), "attachments", merged.attachmentIds().size(),
						"destinationChanged", destinationChanged)));
			return false;
		}));
		if (wrongCode) {
			throw new ValidationFailedException(new FieldViolation("otp", "OTP_INVALID"));
		}
		return find(merchantId, id).orElseThrow();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChangeRequestView> ofMerchant(MerchantId merchantId) {
		return requests.ofMerchant(merchantId).stream().map(ChangeRequestViews::of).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChangeRequestView> find(MerchantId merchantId, ChangeRequestId id) {
		return requests.find(id).filter(r -> r.merchantId().equals(merchantId)).map(ChangeRequestViews::of);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChangeRequestView> openRequest(MerchantId merchantId) {
		return requests.openOf(merchantId).map(ChangeRequestViews::of);
	}

	private ChangeRequest ownRequest(MerchantId merchantId, ChangeRequestId id) {
		return requests.find(id).filter(r -> r.merchantId().equals(merchantId))
			.orElseThrow(() -> new ResourceNotFoundException("Change request"));
	}

	private CardChangeRules.Facts facts(MerchantProfile merchant, ChangeDraft draft) {
		String number = BankCardNumbers.normalize(draft.accountNumber());
		Optional<CardBin> bin = draft.accountType() == AccountType.PERSONAL && number != null ? bins.lookup(number)
				: Optional.empty();
		String holderId = ResidentIdNumber.normalize(draft.holderIdNumber());
		boolean legalRep = draft.accountType() == AccountType.CORPORATE
				|| (ResidentIdNumber.isValid(holderId) && merchants.isLegalRepresentative(merchant.id(), holderId));
		String current = accounts.active(merchant.id()).map(SettlementAccountView::accountNumberFingerprint).orElse("");
		List<AttachmentView> owned = attachments.ownedBy(merchant.id(), draft.attachmentIds());
		Set<AttachmentKind> kinds = owned.stream().map(AttachmentView::kind)
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(AttachmentKind.class)));
		return new CardChangeRules.Facts(merchant, bin, legalRep, current,
				number == null ? "" : protector.fingerprint(number), kinds,
				owned.size() != new LinkedHashSet<>(draft.attachmentIds()).size());
	}

	private NewAccount protect(ChangeDraft draft, CardChangeRules.Facts facts) {
		String number = BankCardNumbers.normalize(draft.accountNumber());
		String bankCode;
		boolean binKnown;
		if (draft.accountType() == AccountType.PERSONAL) {
			bankCode = facts.bin().map(CardBin::bankCode).orElse("UNKNOWN");
			binKnown = facts.bin().isPresent();
		}
		else {
			Optional<String> cnapsBank = bins.bankCodeOfCnaps(draft.cnapsCode());
			bankCode = cnapsBank.orElse("UNKNOWN");
			binKnown = cnapsBank.isPresent();
		}
		String bankName = bins.bankName(bankCode).orElse(draft.bankBranch() == null ? bankCode : draft.bankBranch());
		String holderId = ResidentIdNumber.normalize(draft.holderIdNumber());
		boolean personal = draft.accountType() == AccountType.PERSONAL;
		return new NewAccount(draft.accountType(), draft.accountName().trim(), protector.encrypt(number).toStorage(),
				protector.fingerprint(number), Masking.maskAccountNumber(number), bankCode, bankName, binKnown,
				personal ? null : draft.bankBranch().trim(), personal ? null : draft.cnapsCode(),
				personal ? protector.encrypt(holderId).toStorage() : null,
				personal ? protector.fingerprint(holderId) : null, personal ? Masking.maskIdNumber(holderId) : null,
				personal ? draft.reservedPhone() : null, facts.holderIsLegalRepresentative());
	}

	/** A resubmission's fields over the request's current ones; attachments are added to the earlier ones. */
	private ChangeDraft merge(ChangeRequest request, ChangeDraft changes) {
		NewAccount current = request.account();
		List<UUID> attachmentIds = new ArrayList<>(request.attachmentIds());
		changes.attachmentIds().stream().filter(a -> !attachmentIds.contains(a)).forEach(attachmentIds::add);
		return new ChangeDraft(current.type(),
				Objects.requireNonNullElseGet(changes.accountNumber(),
						() -> protector.decrypt(EncryptedValue.fromStorage(current.numberCipher()))),
				either(changes.accountName(), current.accountName()),
				changes.holderIdNumber() != null || current.holderIdCipher() == null ? changes.holderIdNumber()
						: protector.decrypt(EncryptedValue.fromStorage(current.holderIdCipher())),
				either(changes.reservedPhone(), current.reservedPhone()), either(changes.bankBranch(), current.bankBranch()),
				either(changes.cnapsCode(), current.cnapsCode()), attachmentIds);
	}

	private static String either(String changed, String current) {
		return changed != null ? changed : current;
	}

	private MerchantProfile merchant(MerchantId merchantId) {
		return merchants.find(merchantId).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	private String requestHash(ChangeDraft draft, String otp) {
		String canonical = json.writeValueAsString(Arrays.asList(draft.accountType(), draft.accountNumber(),
				draft.accountName(), draft.holderIdNumber(), draft.reservedPhone(), draft.bankBranch(), draft.cnapsCode(),
				draft.attachmentIds(), otp));
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void throwIfAny(List<FieldViolation> violations) {
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
	}

	private static void requireOwner(CurrentUser user) {
		if (user.role() != Role.MERCHANT_OWNER) {
			throw new AccessDeniedException("Only the merchant owner changes the settlement card");
		}
	}

	private record Decision(ChangeRequestId id, boolean replayed, boolean codeRejected) {

		static Decision created(ChangeRequestId id) {
			return new Decision(id, false, false);
		}

		static Decision replay(ChangeRequestId id) {
			return new Decision(id, true, false);
		}

		static Decision rejectedCode() {
			return new Decision(null, false, true);
		}
	}
}
