package com.settledesk.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.Payouts;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

@IntegrationTest
class OpsSummariesIntegrationTests {

	@Autowired
	OpsSummaries summaries;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	ApiClient api;

	@Autowired
	Transactions transactions;

	@Autowired
	Payouts payouts;

	@Autowired
	MutableClock clock;

	@Test
	void the_day_s_work_counts_payouts_failed_in_the_last_24_hours_not_old_ones_already_paid_again() {
		var merchant = fixtures.individual();
		api.post("/api/v1/dev/bank/outcomes", Map.of("accountNumber", merchant.currentCard(), "outcome", "FAILED"), null);
		transactions.capture(new Capture("OPS" + UUID.randomUUID().toString().substring(0, 12),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 5000L, clock.instant()));
		payouts.settle("D0");
		await().atMost(Duration.ofSeconds(10)).until(() -> payouts.ofMerchant(merchant.profile().id(), 1).get(0).status()
			== PayoutStatus.FAILED);
		long today = summaries.current().payoutsFailed();
		assertThat(today).isPositive();

		// other test classes' failures share the count (one database on PostgreSQL): ours, a day old, leaves it
		clock.advance(Duration.ofHours(25));
		assertThat(summaries.current().payoutsFailed()).isLessThan(today);
	}
}
