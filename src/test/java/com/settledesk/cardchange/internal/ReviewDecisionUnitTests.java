package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.Reviewer;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;

/** The review rules of the aggregate: who may approve when, four eyes, automatic approval, the cut-over. */
class ReviewDecisionUnitTests {

	private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
	private static final Duration COOLING_OFF = Duration.ofHours(2);
	private static final Reviewer REVIEWER = new Reviewer("reviewer1", false);
	private static final Reviewer SENIOR = new Reviewer("reviewer2", true);

	private static ChangeRequest verified(RiskLevel level, VerificationStatus verification) {
		NewAccount account = new NewAccount(AccountType.PERSONAL, "张三", "k:c", "fp", "622202*********8997", "ICBC", "工行",
				true, null, null, "k:i", "idfp", "110101********0011", "13800000001", true);
		ChangeRequest request = ChangeRequest.submit(ChangeRequestId.random(), MerchantId.random(), account,
				List.of(UUID.randomUUID()), "622202*********6788", "stop", "13800000001", "127.0.0.1", T0);
		request.recordVerification(verification, T0);
		request.assessRisk(level, level == RiskLevel.LOW ? List.of() : List.of(RiskSignal.HOLDER_NOT_LEGAL_REPRESENTATIVE));
		return request;
	}

	@Test
	void one_approval_of_a_medium_request_schedules_it_after_the_cooling_off() {
		ChangeRequest request = verified(RiskLevel.MEDIUM, VerificationStatus.MATCH);
		request.approve(REVIEWER, "ok", T0, COOLING_OFF);
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.SCHEDULED);
		assertThat(request.effectiveAt()).isEqualTo(T0.plus(COOLING_OFF));
		assertThat(request.review().firstReviewer()).isEqualTo("reviewer1");
		assertThat(request.review().firstReviewedAt()).isEqualTo(T0);
		assertThat(request.history()).extracting(h -> h.status()).contains(ChangeRequestStatus.APPROVED,
				ChangeRequestStatus.SCHEDULED);
	}

	@Test
	void a_high_request_waits_for_a_senior_reviewer_who_is_another_person() {
		ChangeRequest request = verified(RiskLevel.HIGH, VerificationStatus.MATCH);
		request.approve(SENIOR, null, T0, COOLING_OFF);
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.PENDING_SECOND_REVIEW);

		assertThatThrownBy(() -> request.approve(SENIOR, null, T0, COOLING_OFF)).isInstanceOf(StateConflictException.class)
			.extracting(e -> ((StateConflictException) e).code()).isEqualTo("SECOND_REVIEWER_MUST_DIFFER");
		assertThatThrownBy(() -> request.approve(REVIEWER, null, T0, COOLING_OFF))
			.isInstanceOf(ReviewerNotAllowedException.class);

		request.approve(new Reviewer("senior-b", true), "复核通过", T0.plusSeconds(60), COOLING_OFF);
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.SCHEDULED);
		assertThat(request.review().secondReviewer()).isEqualTo("senior-b");
		assertThat(request.review().secondReviewedAt()).isEqualTo(T0.plusSeconds(60));
	}

	@Test
	void nobody_approves_while_the_verification_has_not_answered() {
		ChangeRequest request = verified(RiskLevel.MEDIUM, VerificationStatus.PENDING);
		assertThatThrownBy(() -> request.approve(REVIEWER, null, T0, COOLING_OFF)).isInstanceOf(StateConflictException.class)
			.extracting(e -> ((StateConflictException) e).code()).isEqualTo("VERIFICATION_PENDING");
	}

	@Test
	void low_risk_with_a_matching_check_is_approved_automatically() {
		ChangeRequest request = verified(RiskLevel.LOW, VerificationStatus.MATCH);
		assertThat(request.approveAutomatically(T0, Duration.ZERO)).isTrue();
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.SCHEDULED);
		assertThat(request.review().firstReviewer()).isEqualTo("system");
	}

	@ParameterizedTest
	@EnumSource(value = VerificationStatus.class, names = { "MISMATCH", "CARD_CLOSED", "PENDING", "NOT_APPLICABLE" })
	void without_a_matching_check_nothing_is_approved_automatically(VerificationStatus verification) {
		ChangeRequest request = verified(RiskLevel.LOW, verification);
		assertThat(request.approveAutomatically(T0, Duration.ZERO)).isFalse();
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.PENDING_REVIEW);
	}

	@Test
	void medium_or_high_risk_is_never_approved_automatically() {
		assertThat(verified(RiskLevel.MEDIUM, VerificationStatus.MATCH).approveAutomatically(T0, Duration.ZERO)).isFalse();
		assertThat(verified(RiskLevel.HIGH, VerificationStatus.MATCH).approveAutomatically(T0, Duration.ZERO)).isFalse();
	}

	@Test
	void a_scheduled_change_can_still_be_cancelled_until_it_takes_effect() {
		ChangeRequest request = verified(RiskLevel.MEDIUM, VerificationStatus.MATCH);
		request.approve(REVIEWER, null, T0, COOLING_OFF);
		request.cancel("registered-phone", T0.plusSeconds(600), "stopped");
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.CANCELLED);
	}

	@Test
	void taking_effect_records_the_bound_account_and_closes_the_request() {
		ChangeRequest request = verified(RiskLevel.MEDIUM, VerificationStatus.MATCH);
		request.approve(REVIEWER, null, T0, Duration.ZERO);
		UUID account = UUID.randomUUID();
		request.takeEffect(account, T0);
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.EFFECTIVE);
		assertThat(request.review().newAccountId()).isEqualTo(account);
		assertThatThrownBy(() -> request.cancel("13800000001", T0, null)).isInstanceOf(StateConflictException.class);
	}

	@Test
	void a_rejected_or_pending_request_cannot_take_effect() {
		ChangeRequest request = verified(RiskLevel.MEDIUM, VerificationStatus.MATCH);
		assertThatThrownBy(() -> request.takeEffect(UUID.randomUUID(), T0)).isInstanceOf(StateConflictException.class);
		request.reject("reviewer1", "材料不符", T0);
		assertThatThrownBy(() -> request.approve(REVIEWER, null, T0, COOLING_OFF)).isInstanceOf(StateConflictException.class);
	}
}
