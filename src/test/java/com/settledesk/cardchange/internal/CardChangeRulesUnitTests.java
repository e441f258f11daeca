package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.settledesk.attachment.AttachmentKind;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantStatus;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.CardBin;
import com.settledesk.settlementaccount.CardType;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;

/** One row per rule of domain.md: the draft, the facts, and the field code it must produce. */
class CardChangeRulesUnitTests {

	private static final MerchantProfile INDIVIDUAL = new MerchantProfile(MerchantId.random(), "822100058120001",
			MerchantKind.INDIVIDUAL, "张三便利店", "张三", "110101********0011", "13800000001", "5411", MerchantStatus.ACTIVE,
			SettlementMode.D0, "STANDARD", Locale.SIMPLIFIED_CHINESE, null);
	private static final MerchantProfile ENTERPRISE = new MerchantProfile(MerchantId.random(), "822310058120002",
			MerchantKind.ENTERPRISE, "上海禾木餐饮管理有限公司", "李四", "310104********0021", "13900000001", "5812",
			MerchantStatus.ACTIVE, SettlementMode.T1, "STANDARD", Locale.SIMPLIFIED_CHINESE, null);
	private static final CardBin ICBC_DEBIT = new CardBin("622202", "ICBC", "中国工商银行", CardType.DEBIT, 19);
	private static final Set<AttachmentKind> PERSONAL_MATERIALS = EnumSet.of(AttachmentKind.ID_FRONT,
			AttachmentKind.ID_BACK, AttachmentKind.CARD_FRONT);

	private static final ChangeDraft GOOD_PERSONAL = new ChangeDraft(AccountType.PERSONAL, "6222024000777888997", "张三",
			"110101199003070011", "13800000001", null, null, List.of());
	private static final ChangeDraft GOOD_CORPORATE = new ChangeDraft(AccountType.CORPORATE, "121909876510999",
			"上海禾木餐饮管理有限公司", null, null, "招商银行上海分行徐家汇支行", "308290003374", List.of());

	private static CardChangeRules.Facts personalFacts() {
		return new CardChangeRules.Facts(INDIVIDUAL, Optional.of(ICBC_DEBIT), true, "current", "new", PERSONAL_MATERIALS, false);
	}

	private static CardChangeRules.Facts corporateFacts() {
		return new CardChangeRules.Facts(ENTERPRISE, Optional.empty(), true, "current", "new",
				EnumSet.of(AttachmentKind.ACCOUNT_PROOF), false);
	}

	@Test
	void a_complete_personal_change_to_the_legal_representatives_own_debit_card_passes() {
		assertThat(CardChangeRules.complete(GOOD_PERSONAL, personalFacts())).isEmpty();
	}

	@Test
	void a_complete_corporate_change_in_the_business_name_passes() {
		assertThat(CardChangeRules.complete(GOOD_CORPORATE, corporateFacts())).isEmpty();
	}

	static Stream<Arguments> personalRules() {
		return Stream.of(
				row("number with a wrong check digit", d -> with(d, "6222024000777888998", null, null, null),
						f -> f, "accountNumber", "LUHN_CHECK_FAILED"),
				row("number too short", d -> with(d, "622202400077788", null, null, null), f -> f, "accountNumber",
						"INVALID_LENGTH"),
				row("number with letters", d -> with(d, "62220240007778889a7", null, null, null), f -> f,
						"accountNumber", "INVALID_FORMAT"),
				row("bank not in the BIN table", d -> d, f -> facts(f, Optional.empty(), true, PERSONAL_MATERIALS),
						"accountNumber", "UNKNOWN_BIN"),
				row("credit card", d -> d,
						f -> facts(f, Optional.of(new CardBin("622202", "ICBC", "工行", CardType.CREDIT, 19)), true,
								PERSONAL_MATERIALS),
						"accountNumber", "NOT_A_DEBIT_CARD"),
				row("semi-credit card", d -> d,
						f -> facts(f, Optional.of(new CardBin("622202", "ICBC", "工行", CardType.SEMI_CREDIT, 19)), true,
								PERSONAL_MATERIALS),
						"accountNumber", "NOT_A_DEBIT_CARD"),
				row("length differs from the BIN's", d -> d,
						f -> facts(f, Optional.of(new CardBin("622202", "ICBC", "工行", CardType.DEBIT, 16)), true,
								PERSONAL_MATERIALS),
						"accountNumber", "INVALID_LENGTH"),
				row("ID with a wrong check digit", d -> with(d, null, null, "110101199003070012", null), f -> f,
						"holderIdNumber", "INVALID_ID_NUMBER"),
				row("reserved phone not a mainland mobile", d -> with(d, null, null, null, "02112345678"), f -> f,
						"reservedPhone", "INVALID_PHONE"),
				row("legal representative's ID under another name", d -> with(d, null, "张四", null, null), f -> f,
						"accountName", "NAME_MISMATCH"),
				row("someone else's card without an authorisation", d -> with(d, null, "王五", "11010519491231002X", null),
						f -> facts(f, Optional.of(ICBC_DEBIT), false, PERSONAL_MATERIALS), "attachmentIds",
						"AUTHORIZATION_REQUIRED"),
				row("card photo missing", d -> d,
						f -> facts(f, Optional.of(ICBC_DEBIT), true, EnumSet.of(AttachmentKind.ID_FRONT, AttachmentKind.ID_BACK)),
						"attachmentIds", "ATTACHMENT_REQUIRED"),
				row("the current card again", d -> d,
						f -> new CardChangeRules.Facts(INDIVIDUAL, Optional.of(ICBC_DEBIT), true, "same", "same",
								PERSONAL_MATERIALS, false),
						"accountNumber", "SAME_AS_CURRENT"),
				row("an attachment that is not the merchant's", d -> d,
						f -> new CardChangeRules.Facts(INDIVIDUAL, Optional.of(ICBC_DEBIT), true, "current", "new",
								PERSONAL_MATERIALS, true),
						"attachmentIds", "ATTACHMENT_NOT_FOUND"));
	}

	@ParameterizedTest(name = "{0} → {3}")
	@MethodSource("personalRules")
	void each_personal_rule_reports_its_field_code(String rule, UnaryOperator<ChangeDraft> draft,
			UnaryOperator<CardChangeRules.Facts> facts, String field, String code) {
		List<FieldViolation> violations = CardChangeRules.complete(draft.apply(GOOD_PERSONAL), facts.apply(personalFacts()));
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::code)
			.contains(org.assertj.core.groups.Tuple.tuple(field, code));
	}

	@Test
	void someone_elses_card_with_an_authorisation_passes() {
		ChangeDraft otherHolder = with(GOOD_PERSONAL, null, "王五", "11010519491231002X", null);
		Set<AttachmentKind> withAuthorisation = EnumSet.copyOf(PERSONAL_MATERIALS);
		withAuthorisation.add(AttachmentKind.AUTHORIZATION);
		assertThat(CardChangeRules.complete(otherHolder, facts(personalFacts(), Optional.of(ICBC_DEBIT), false,
				withAuthorisation))).isEmpty();
	}

	@Test
	void corporate_accounts_need_the_business_name_branch_cnaps_and_proof() {
		ChangeDraft wrong = new ChangeDraft(AccountType.CORPORATE, "121909876510999", "李四", null, null, " ", "30829000337",
				List.of());
		var violations = CardChangeRules.complete(wrong, new CardChangeRules.Facts(ENTERPRISE, Optional.empty(), true,
				"current", "new", EnumSet.noneOf(AttachmentKind.class), false));
		assertThat(violations).extracting(FieldViolation::field, FieldViolation::code).containsExactlyInAnyOrder(
				org.assertj.core.groups.Tuple.tuple("accountName", "NAME_MISMATCH"),
				org.assertj.core.groups.Tuple.tuple("bankBranch", "REQUIRED"),
				org.assertj.core.groups.Tuple.tuple("cnapsCode", "INVALID_CNAPS"),
				org.assertj.core.groups.Tuple.tuple("attachmentIds", "ATTACHMENT_REQUIRED"));
	}

	@Test
	void an_individual_merchant_cannot_settle_to_a_corporate_account() {
		var violations = CardChangeRules.cardDetails(GOOD_CORPORATE, new CardChangeRules.Facts(INDIVIDUAL, Optional.empty(),
				true, "current", "new", Set.of(), false));
		assertThat(violations).extracting(FieldViolation::code).contains("CORPORATE_NOT_ALLOWED");
	}

	@Test
	void card_details_alone_do_not_ask_for_materials() {
		var noMaterials = facts(personalFacts(), Optional.of(ICBC_DEBIT), false, EnumSet.noneOf(AttachmentKind.class));
		assertThat(CardChangeRules.cardDetails(GOOD_PERSONAL, noMaterials)).isEmpty();
	}

	private static Arguments row(String rule, UnaryOperator<ChangeDraft> draft, UnaryOperator<CardChangeRules.Facts> facts,
			String field, String code) {
		return Arguments.of(rule, draft, facts, field, code);
	}

	private static ChangeDraft with(ChangeDraft d, String number, String name, String id, String phone) {
		return new ChangeDraft(d.accountType(), number == null ? d.accountNumber() : number,
				name == null ? d.accountName() : name, id == null ? d.holderIdNumber() : id,
				phone == null ? d.reservedPhone() : phone, d.bankBranch(), d.cnapsCode(), d.attachmentIds());
	}

	private static CardChangeRules.Facts facts(CardChangeRules.Facts f, Optional<CardBin> bin, boolean legalRep,
			Set<AttachmentKind> materials) {
		return new CardChangeRules.Facts(f.merchant(), bin, legalRep, f.currentFingerprint(), f.newFingerprint(),
				materials, f.unknownAttachments());
	}
}
