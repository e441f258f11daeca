package com.settledesk.cardchange.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.settledesk.attachment.AttachmentKind;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.BankCardNumbers;
import com.settledesk.settlementaccount.CardBin;
import com.settledesk.settlementaccount.CardType;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MobilePhoneNumber;
import com.settledesk.shared.ResidentIdNumber;

/**
 * The rules a new settlement account must meet (domain.md, "Settlement account"). Pure: every fact it needs
 * (merchant, BIN, whether the holder is the legal representative, current card, materials) comes in.
 */
final class CardChangeRules {

	static final Set<AttachmentKind> PERSONAL_MATERIALS = EnumSet.of(AttachmentKind.ID_FRONT, AttachmentKind.ID_BACK,
			AttachmentKind.CARD_FRONT);
	static final Set<AttachmentKind> CORPORATE_MATERIALS = EnumSet.of(AttachmentKind.ACCOUNT_PROOF);

	/** What the rules look at, gathered by the caller. */
	record Facts(MerchantProfile merchant, Optional<CardBin> bin, boolean holderIsLegalRepresentative,
			String currentFingerprint, String newFingerprint, Set<AttachmentKind> materials, boolean unknownAttachments) {
	}

	private CardChangeRules() {
	}

	/** Checks of the card details alone. */
	static List<FieldViolation> cardDetails(ChangeDraft draft, Facts facts) {
		List<FieldViolation> violations = new ArrayList<>();
		if (draft.accountType() == null) {
			violations.add(new FieldViolation("accountType", "REQUIRED"));
			return violations;
		}
		if (draft.accountType() == AccountType.PERSONAL) {
			personal(draft, facts, violations);
		}
		else {
			corporate(draft, facts, violations);
		}
		if (violations.stream().noneMatch(v -> v.field().equals("accountNumber"))
				&& facts.newFingerprint().equals(facts.currentFingerprint())) {
			violations.add(new FieldViolation("accountNumber", "SAME_AS_CURRENT"));
		}
		return violations;
	}

	/** All checks: card details and the materials that must come with them. */
	static List<FieldViolation> complete(ChangeDraft draft, Facts facts) {
		List<FieldViolation> violations = cardDetails(draft, facts);
		if (draft.accountType() == null) {
			return violations;
		}
		if (facts.unknownAttachments()) {
			violations.add(new FieldViolation("attachmentIds", "ATTACHMENT_NOT_FOUND"));
		}
		Set<AttachmentKind> required = EnumSet.copyOf(draft.accountType() == AccountType.PERSONAL ? PERSONAL_MATERIALS
				: CORPORATE_MATERIALS);
		required.removeAll(facts.materials());
		if (!required.isEmpty()) {
			violations.add(new FieldViolation("attachmentIds", "ATTACHMENT_REQUIRED",
					required.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))));
		}
		boolean idValid = violations.stream().noneMatch(v -> v.field().equals("holderIdNumber"));
		if (draft.accountType() == AccountType.PERSONAL && idValid && !facts.holderIsLegalRepresentative()
				&& !facts.materials().contains(AttachmentKind.AUTHORIZATION)) {
			violations.add(new FieldViolation("attachmentIds", "AUTHORIZATION_REQUIRED"));
		}
		return violations;
	}

	private static void personal(ChangeDraft draft, Facts facts, List<FieldViolation> violations) {
		String number = BankCardNumbers.normalize(draft.accountNumber());
		if (number == null || number.isEmpty()) {
			violations.add(new FieldViolation("accountNumber", "REQUIRED"));
		}
		else if (!number.chars().allMatch(Character::isDigit)) {
			violations.add(new FieldViolation("accountNumber", "INVALID_FORMAT"));
		}
		else if (number.length() < BankCardNumbers.MIN_LENGTH || number.length() > BankCardNumbers.MAX_LENGTH) {
			violations.add(new FieldViolation("accountNumber", "INVALID_LENGTH"));
		}
		else if (!BankCardNumbers.luhnValid(number)) {
			violations.add(new FieldViolation("accountNumber", "LUHN_CHECK_FAILED"));
		}
		else if (facts.bin().isEmpty()) {
			violations.add(new FieldViolation("accountNumber", "UNKNOWN_BIN"));
		}
		else if (facts.bin().get().cardType() != CardType.DEBIT) {
			violations.add(new FieldViolation("accountNumber", "NOT_A_DEBIT_CARD"));
		}
		else if (facts.bin().get().length() != number.length()) {
			violations.add(new FieldViolation("accountNumber", "INVALID_LENGTH"));
		}
		if (isBlank(draft.accountName())) {
			violations.add(new FieldViolation("accountName", "REQUIRED"));
		}
		String idNumber = ResidentIdNumber.normalize(draft.holderIdNumber());
		if (!ResidentIdNumber.isValid(idNumber)) {
			violations.add(new FieldViolation("holderIdNumber", "INVALID_ID_NUMBER"));
		}
		else if (facts.holderIsLegalRepresentative() && !isBlank(draft.accountName())
				&& !draft.accountName().trim().equals(facts.merchant().legalName())) {
			violations.add(new FieldViolation("accountName", "NAME_MISMATCH"));
		}
		if (!MobilePhoneNumber.isValid(draft.reservedPhone())) {
			violations.add(new FieldViolation("reservedPhone", "INVALID_PHONE"));
		}
	}

	private static void corporate(ChangeDraft draft, Facts facts, List<FieldViolation> violations) {
		if (facts.merchant().kind() != MerchantKind.ENTERPRISE) {
			violations.add(new FieldViolation("accountType", "CORPORATE_NOT_ALLOWED"));
		}
		String number = BankCardNumbers.normalize(draft.accountNumber());
		if (number == null || number.isEmpty()) {
			violations.add(new FieldViolation("accountNumber", "REQUIRED"));
		}
		else if (!number.chars().allMatch(Character::isDigit)) {
			violations.add(new FieldViolation("accountNumber", "INVALID_FORMAT"));
		}
		else if (number.length() < 8 || number.length() > 30) {
			violations.add(new FieldViolation("accountNumber", "INVALID_LENGTH"));
		}
		if (isBlank(draft.accountName())) {
			violations.add(new FieldViolation("accountName", "REQUIRED"));
		}
		else if (!draft.accountName().trim().equals(facts.merchant().name())) {
			violations.add(new FieldViolation("accountName", "NAME_MISMATCH"));
		}
		if (isBlank(draft.bankBranch())) {
			violations.add(new FieldViolation("bankBranch", "REQUIRED"));
		}
		if (isBlank(draft.cnapsCode())) {
			violations.add(new FieldViolation("cnapsCode", "REQUIRED"));
		}
		else if (!draft.cnapsCode().matches("[0-9]{12}")) {
			violations.add(new FieldViolation("cnapsCode", "INVALID_CNAPS"));
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}
}
