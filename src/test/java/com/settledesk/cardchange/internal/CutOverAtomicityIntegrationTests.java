package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.RecordedAccountChanges;

/** The cut-over is one transaction: a failure after its first write leaves everything as it was. */
@IntegrationTest
class CutOverAtomicityIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	SettlementAccounts accounts;

	@MockitoSpyBean
	Terminals terminals;

	@Autowired
	RecordedAccountChanges accountChanges;

	@Autowired
	JdbcClient jdbc;

	@Test
	void a_crash_after_the_account_switch_rolls_back_the_switch_and_the_change_stays_scheduled() {
		var merchant = fixtures.individual();
		var driver = new ChangeRequestDriver(api, fixtures, merchant);
		var before = accounts.active(merchant.profile().id()).orElseThrow();
		doThrow(new IllegalStateException("crash after the first write of the cut-over")).when(terminals)
			.rebindSettlementAccount(any(), any(), any());

		String id = driver.submitChange(MerchantFixtures.icbcCard());
		CardChangeReviewIntegrationTests.JsonWait.assessed(api, "/api/v1/ops/settlement-card/change-requests", id);
		assertThat(api.post("/api/v1/ops/settlement-card/change-requests/" + id + "/approve", Map.of(),
				api.token("reviewer1")).status()).isEqualTo(200);

		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(driver.status(id)).isEqualTo("SCHEDULED");
			assertThat(accounts.active(merchant.profile().id()).orElseThrow()).isEqualTo(before);
			assertThat(accounts.history(merchant.profile().id())).isEmpty();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM settlement_account WHERE merchant_id = :m")
				.param("m", merchant.profile().id().value()).query(Long.class).single()).isEqualTo(1);
			assertThat(accountChanges.of(merchant.profile().id().value())).isEmpty();
		});

		reset(terminals);
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.status(id).equals("EFFECTIVE"));
		assertThat(accounts.history(merchant.profile().id())).hasSize(1);
		// the event reaches its listeners after the commit, on another thread
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(accountChanges.of(merchant.profile().id().value())).hasSize(1));
	}
}
