package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.settledesk.acquiring.Capture;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;

/**
 * A crash placed on each side of the bank call, then the payout work restarted as a new instance would: one
 * transfer at the bank, one PAID payout, the bank's reference kept — whatever moment the crash hit.
 */
class BankBoundaryCrashIntegrationTests extends PayoutTestSupport {

	@Test
	void the_bank_booked_the_transfer_but_saving_its_answer_failed_then_the_restart_asks_and_pays_once() {
		PayoutView payout = created();
		String fault = "crash_" + payout.id().toString().substring(0, 8);
		jdbc.sql("ALTER TABLE payout ADD CONSTRAINT " + fault + " CHECK (id <> '" + payout.id() + "' OR status <> 'PAID')")
			.update();
		try {
			assertThatThrownBy(() -> payouts.submitDue()).as("the save of the bank's answer fails").isNotNull();
		}
		finally {
			jdbc.sql("ALTER TABLE payout DROP CONSTRAINT " + fault).update();
		}
		assertThat(bankTransfers(payout.id())).as("the bank booked it").isEqualTo(1);
		assertThat(status(payout.id())).isEqualTo("SUBMITTED");

		restart();
		assertThat(status(payout.id())).isEqualTo("PAID");
		assertThat(bankTransfers(payout.id())).isEqualTo(1);
		assertThat(reference(payout.id())).isEqualTo(bankReference(payout.id()));
		assertThat(paidEntries(payout.id())).isEqualTo(1);
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void a_crash_before_the_bank_was_called_hands_the_payout_over_once_after_the_restart() {
		PayoutView payout = created();
		// what the claim committed before the process died: handed over, as far as SettleDesk knew
		jdbc.sql("UPDATE payout SET status = 'SUBMITTED', attempts = 1, submitted_at = :now, next_attempt_at = :later "
				+ "WHERE id = :id")
			.param("now", clock.instant().atOffset(ZoneOffset.UTC))
			.param("later", clock.instant().plusSeconds(5).atOffset(ZoneOffset.UTC)).param("id", payout.id()).update();
		assertThat(bankTransfers(payout.id())).isZero();

		restart();
		assertThat(status(payout.id())).isEqualTo("PAID");
		assertThat(bankTransfers(payout.id())).isEqualTo(1);
		assertThat(reference(payout.id())).isEqualTo(bankReference(payout.id()));
		assertThat(paidEntries(payout.id())).isEqualTo(1);
	}

	@Test
	void a_crash_after_the_answer_was_saved_changes_nothing_at_the_restart() {
		PayoutView payout = created();
		payouts.submitDue();
		assertThat(status(payout.id())).isEqualTo("PAID");
		String reference = reference(payout.id());

		restart();
		assertThat(status(payout.id())).isEqualTo("PAID");
		assertThat(reference(payout.id())).isEqualTo(reference);
		assertThat(bankTransfers(payout.id())).isEqualTo(1);
		assertThat(paidEntries(payout.id())).isEqualTo(1);
	}

	@Test
	void no_answer_makes_a_payout_unknown_until_the_bank_is_asked_and_nothing_is_given_back_on_a_guess() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.TIMEOUT, null);
		PayoutView payout = created(merchant);
		payouts.submitDue();
		assertThat(payouts.ofMerchant(payout.merchantId(), 1).get(0).status()).isEqualTo(PayoutStatus.UNKNOWN);
		long balance = payouts.balance(payout.merchantId()).available().fen();

		restart();
		assertThat(status(payout.id())).as("the bank still does not answer").isEqualTo("UNKNOWN");
		assertThat(payouts.balance(payout.merchantId()).available().fen()).as("no money back on a guess").isEqualTo(balance);

		bank.script(merchant.currentCard(), SimulatedBank.Scripted.PAID, null);
		restart();
		assertThat(status(payout.id())).isEqualTo("PAID");
		assertThat(bankTransfers(payout.id())).isEqualTo(1);
	}

	private PayoutView created() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.PAID, null);
		return created(merchant);
	}

	private PayoutView created(TestMerchant merchant) {
		transactions.capture(new Capture("CR" + UUID.randomUUID().toString().substring(0, 18),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 250_000L, clock.instant()));
		payouts.settle("D0");
		return payouts.ofMerchant(merchant.profile().id(), 1).get(0);
	}

	/** A new instance picks the work up once the claim's backoff has passed. */
	private void restart() {
		clock.advance(Duration.ofMinutes(11));
		payouts.submitDue();
	}

	private String status(UUID payout) {
		return jdbc.sql("SELECT status FROM payout WHERE id = :id").param("id", payout).query(String.class).single();
	}

	private String reference(UUID payout) {
		return jdbc.sql("SELECT bank_reference FROM payout WHERE id = :id").param("id", payout).query(String.class).single();
	}

	private String bankReference(UUID payout) {
		return jdbc.sql("SELECT bank_reference FROM sim_bank_transfer WHERE payout_id = :id").param("id", payout)
			.query(String.class).single();
	}

	private long bankTransfers(UUID payout) {
		return jdbc.sql("SELECT COUNT(*) FROM sim_bank_transfer WHERE payout_id = :id").param("id", payout)
			.query(Long.class).single();
	}

	private long paidEntries(UUID payout) {
		return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE kind = 'PAYOUT_PAID' AND reference = :id")
			.param("id", payout.toString()).query(Long.class).single();
	}
}
