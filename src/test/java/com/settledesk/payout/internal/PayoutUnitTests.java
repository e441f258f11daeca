package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.settledesk.payout.PayoutSettled;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.StateConflictException;

class PayoutUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-27T01:00:00Z");

	@Test
	void a_status_knows_exactly_its_legal_moves() {
		assertMoves(PayoutStatus.CREATED, PayoutStatus.SUBMITTED);
		assertMoves(PayoutStatus.SUBMITTED, PayoutStatus.UNKNOWN, PayoutStatus.PAID, PayoutStatus.FAILED);
		assertMoves(PayoutStatus.UNKNOWN, PayoutStatus.PAID, PayoutStatus.FAILED);
		assertMoves(PayoutStatus.PAID, PayoutStatus.RETURNED);
		assertMoves(PayoutStatus.FAILED);
		assertMoves(PayoutStatus.RETURNED);
	}

	@Test
	void claiming_hands_a_new_payout_over_and_asks_about_a_waiting_one_again_with_back_off() {
		Payout payout = payout(PayoutStatus.CREATED);
		payout.claim(NOW, Duration.ofSeconds(5));
		assertThat(payout.status()).isEqualTo(PayoutStatus.SUBMITTED);
		assertThat(payout.submittedAt()).isEqualTo(NOW);
		assertThat(payout.attempts()).isEqualTo(1);
		assertThat(payout.nextAttemptAt()).isEqualTo(NOW.plusSeconds(5));

		payout.answerUncertain();
		payout.claim(NOW.plusSeconds(5), Duration.ofSeconds(10));
		assertThat(payout.status()).isEqualTo(PayoutStatus.UNKNOWN);
		assertThat(payout.submittedAt()).as("handed over once").isEqualTo(NOW);
		assertThat(payout.attempts()).isEqualTo(2);
		assertThatThrownBy(() -> payout(PayoutStatus.PAID).claim(NOW, Duration.ZERO))
			.isInstanceOf(StateConflictException.class);
	}

	@Test
	void the_banks_word_registers_one_settled_event_and_a_settled_payout_cannot_be_settled_again() {
		Payout payout = payout(PayoutStatus.SUBMITTED);
		payout.paid("SIM123", NOW);
		assertThat(payout.takeEvents()).singleElement().satisfies(e -> {
			assertThat(e.payout().status()).isEqualTo(PayoutStatus.PAID);
			assertThat(e.merchantHeld()).isFalse();
		});
		assertThat(payout.takeEvents()).isEmpty();
		assertThatThrownBy(() -> payout.moneyBack(PayoutStatus.FAILED, "late", NOW, false))
			.isInstanceOfSatisfying(StateConflictException.class,
					e -> assertThat(e.code()).isEqualTo("PAYOUT_STATE_CONFLICT"));
		assertThat(payout.status()).isEqualTo(PayoutStatus.PAID);

		payout.moneyBack(PayoutStatus.RETURNED, "账户已销户", NOW.plusSeconds(60), true);
		PayoutSettled returned = payout.takeEvents().get(0);
		assertThat(returned.payout().status()).isEqualTo(PayoutStatus.RETURNED);
		assertThat(returned.payout().failureReason()).isEqualTo("账户已销户");
		assertThat(returned.merchantHeld()).isTrue();
		assertThat(payout.allows(PayoutStatus.RETURNED)).isFalse();
	}

	@Test
	void asking_again_is_only_for_a_payout_waiting_for_the_bank() {
		Payout waiting = payout(PayoutStatus.UNKNOWN);
		waiting.askAgain(NOW);
		assertThat(waiting.nextAttemptAt()).isEqualTo(NOW);
		assertThatThrownBy(() -> payout(PayoutStatus.FAILED).askAgain(NOW))
			.isInstanceOfSatisfying(StateConflictException.class,
					e -> assertThat(e.code()).isEqualTo("PAYOUT_NOT_RETRYABLE"));
	}

	private static void assertMoves(PayoutStatus from, PayoutStatus... legal) {
		Set<PayoutStatus> allowed = legal.length == 0 ? EnumSet.noneOf(PayoutStatus.class) : EnumSet.of(legal[0], legal);
		for (PayoutStatus to : PayoutStatus.values()) {
			assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(allowed.contains(to));
		}
	}

	private static Payout payout(PayoutStatus status) {
		return new Payout(UUID.randomUUID(), MerchantId.random(), "D0", Money.ofFen(10_000), Money.ofFen(30),
				Money.ofFen(9_970), status, UUID.randomUUID(), "622202*********1234", "张三", "fp", "k1:cipher", 0, null,
				NOW.minusSeconds(60), status == PayoutStatus.CREATED ? null : NOW.minusSeconds(30), null, null, null, null, 0);
	}
}
