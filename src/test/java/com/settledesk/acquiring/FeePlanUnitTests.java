package com.settledesk.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worked examples of the standard plan: debit 0.50% capped at 20 yuan, credit 0.60%, QR 0.38%, D0 2 yuan. */
class FeePlanUnitTests {

	private static final FeePlan STANDARD = new FeePlan("STANDARD", 50, 2000, 60, 38, 0, 200);

	@ParameterizedTest(name = "{0} {1} {2} fen → fee {3} fen")
	@CsvSource({
			"CARD_CHIP,        DEBIT,  500000, 2000",   // 5,000 yuan debit: 25 yuan by rate, capped at 20 yuan
			"CARD_SWIPE,       DEBIT,  100000, 500",    // 1,000 yuan debit: 5 yuan, under the cap
			"CARD_CONTACTLESS, DEBIT,  400000, 2000",   // exactly at the cap: 20 yuan
			"CARD_CHIP,        CREDIT, 500000, 3000",   // credit is not capped: 30 yuan
			"CARD_CHIP,        CREDIT, 1234,   7",      // 7.404 fen → 7 (half-up)
			"QR_WECHAT,        NONE,   1000,   4",      // 3.8 fen → 4 (half-up)
			"QR_ALIPAY,        NONE,   12345,  47",     // 46.911 fen → 47
			"QR_UNIONPAY,      CREDIT, 100,    0",      // 0.38 fen → 0
			"CARD_SWIPE,       DEBIT,  1,      0" })
	void fees_are_computed_per_transaction_and_rounded_half_up_to_the_fen(Channel channel, CardKind kind, long amount,
			long fee) {
		assertThat(STANDARD.feeFor(channel, kind, com.settledesk.shared.Money.ofFen(amount)).fen()).isEqualTo(fee);
	}

	@ParameterizedTest(name = "D0 payout of {0} fen → surcharge {1} fen")
	@CsvSource({ "100000, 200", "150, 150", "200, 200" })
	void the_d0_surcharge_is_per_payout_and_never_more_than_the_payout(long gross, long surcharge) {
		assertThat(STANDARD.d0Surcharge(com.settledesk.shared.Money.ofFen(gross)).fen()).isEqualTo(surcharge);
	}

	@ParameterizedTest
	@CsvSource({ "100000, 30, 100, 400" })
	void a_percentage_and_a_fixed_surcharge_add_up(long gross, long bp, long fixed, long surcharge) {
		FeePlan plan = new FeePlan("X", 50, 2000, 60, 38, bp, fixed);
		assertThat(plan.d0Surcharge(com.settledesk.shared.Money.ofFen(gross)).fen()).isEqualTo(surcharge);
	}
}
