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

import com.settledesk.cardchange.ChangeRequestCancelled;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestStatusChanged;
import com.settledesk.cardchange.ChangeRequestSubmitted;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;

class ChangeRequestUnitTests {

	private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

	private static NewAccount personal(String fingerprint) {
		return new NewAccount(AccountType.PERSONAL, "张三", "k:cipher", fingerprint, "622202*********8997", "ICBC",
				"中国工商银行", true, null, null, "k:id", "idfp", "110101********0011", "13800000001", true);
	}

	private static ChangeRequest submitted() {
		return ChangeRequest.submit(ChangeRequestId.random(), MerchantId.random(), personal("fp1"), List.of(UUID.randomUUID()),
				"622202*********6788", "stop", "13800000001", "127.0.0.1", T0);
	}

	@Test
	void a_submitted_request_waits_for_review_with_its_verification_pending_and_announces_itself() {
		ChangeRequest request = submitted();
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.PENDING_REVIEW);
		assertThat(request.verificationStatus()).isEqualTo(VerificationStatus.PENDING);
		assertThat(request.history()).extracting(h -> h.status())
			.containsExactly(ChangeRequestStatus.SUBMITTED, ChangeRequestStatus.PENDING_REVIEW);
		assertThat(request.pullEvents()).hasOnlyElementsOfTypes(ChangeRequestSubmitted.class, ChangeRequestStatusChanged.class)
			.hasAtLeastOneElementOfType(ChangeRequestSubmitted.class);
		assertThat(request.pullEvents()).isEmpty();
	}

	@Test
	void the_merchant_can_cancel_an_open_request_but_not_twice() {
		ChangeRequest request = submitted();
		request.pullEvents();
		request.cancel("13800000001", T0.plusSeconds(60), null);
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.CANCELLED);
		assertThat(request.pullEvents()).hasAtLeastOneElementOfType(ChangeRequestCancelled.class);
		assertThatThrownBy(() -> request.cancel("13800000001", T0, null)).isInstanceOf(StateConflictException.class)
			.extracting(e -> ((StateConflictException) e).code()).isEqualTo("CHANGE_NOT_CANCELLABLE");
	}

	@Test
	void only_a_request_awaiting_information_can_be_resubmitted() {
		ChangeRequest request = submitted();
		assertThatThrownBy(() -> request.resubmit(personal("fp1"), List.of(), "13800000001", T0))
			.isInstanceOf(StateConflictException.class);

		request.requestInformation("reviewer1", "请补充清晰的银行卡照片", T0.plusSeconds(10));
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.NEEDS_INFO);
		assertThat(request.infoRequest()).isEqualTo("请补充清晰的银行卡照片");
		request.pullEvents();
		request.resubmit(personal("fp1"), List.of(UUID.randomUUID()), "13800000001", T0.plusSeconds(20));
		assertThat(request.status()).isEqualTo(ChangeRequestStatus.PENDING_REVIEW);
		assertThat(request.infoRequest()).isNull();
		assertThat(request.pullEvents()).as("same account: nothing to verify again")
			.doesNotHaveAnyElementsOfTypes(ChangeRequestSubmitted.class);
	}

	@Test
	void a_resubmission_with_another_card_is_verified_again() {
		ChangeRequest request = submitted();
		request.recordVerification(VerificationStatus.MATCH, T0);
		request.requestInformation("reviewer1", "卡号有误", T0);
		request.pullEvents();
		request.resubmit(personal("fp2"), List.of(), "13800000001", T0.plusSeconds(5));
		assertThat(request.verificationStatus()).isEqualTo(VerificationStatus.PENDING);
		assertThat(request.pullEvents()).hasAtLeastOneElementOfType(ChangeRequestSubmitted.class);
	}

	@Test
	void a_verification_timeout_keeps_the_check_pending_and_backs_off() {
		ChangeRequest request = submitted();
		request.recordVerification(VerificationStatus.PENDING, T0);
		assertThat(request.verificationStatus()).isEqualTo(VerificationStatus.PENDING);
		assertThat(request.verificationNextAt()).isEqualTo(T0.plusSeconds(30));
		request.recordVerification(VerificationStatus.PENDING, T0);
		assertThat(request.verificationNextAt()).isEqualTo(T0.plusSeconds(60));
		request.recordVerification(VerificationStatus.MISMATCH, T0);
		assertThat(request.verificationStatus()).isEqualTo(VerificationStatus.MISMATCH);
		assertThat(request.verificationNextAt()).isNull();
		assertThat(request.verificationAttempts()).isEqualTo(3);
	}

	@Test
	void backoff_grows_and_is_capped_at_fifteen_minutes() {
		assertThat(VerificationBackoff.after(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(VerificationBackoff.after(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(VerificationBackoff.after(50)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void a_rejected_request_is_closed_and_keeps_the_reason() {
		ChangeRequest request = submitted();
		request.reject("reviewer1", "材料与卡号不符", T0);
		assertThat(request.status().isOpen()).isFalse();
		assertThat(request.rejectReason()).isEqualTo("材料与卡号不符");
		assertThatThrownBy(() -> request.requestInformation("reviewer1", "x", T0)).isInstanceOf(StateConflictException.class);
	}

	@ParameterizedTest
	@EnumSource(value = ChangeRequestStatus.class, names = { "EFFECTIVE", "REJECTED", "CANCELLED" })
	void a_closed_request_moves_nowhere(ChangeRequestStatus closed) {
		for (ChangeRequestStatus next : ChangeRequestStatus.values()) {
			assertThat(closed.canMoveTo(next)).as("%s → %s", closed, next).isFalse();
		}
		assertThat(closed.isCancellable()).isFalse();
	}

	@Test
	void four_eyes_and_cooling_off_follow_the_documented_order() {
		assertThat(ChangeRequestStatus.PENDING_REVIEW.canMoveTo(ChangeRequestStatus.PENDING_SECOND_REVIEW)).isTrue();
		assertThat(ChangeRequestStatus.PENDING_SECOND_REVIEW.canMoveTo(ChangeRequestStatus.APPROVED)).isTrue();
		assertThat(ChangeRequestStatus.APPROVED.canMoveTo(ChangeRequestStatus.SCHEDULED)).isTrue();
		assertThat(ChangeRequestStatus.SCHEDULED.canMoveTo(ChangeRequestStatus.EFFECTIVE)).isTrue();
		assertThat(ChangeRequestStatus.PENDING_REVIEW.canMoveTo(ChangeRequestStatus.EFFECTIVE)).isFalse();
		assertThat(ChangeRequestStatus.NEEDS_INFO.canMoveTo(ChangeRequestStatus.APPROVED)).isFalse();
	}
}
