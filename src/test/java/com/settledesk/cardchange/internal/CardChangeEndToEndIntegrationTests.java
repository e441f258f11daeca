package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/**
 * The whole story over HTTP with the demo's settings (low risk approved automatically, no cooling-off):
 * a change takes effect by itself, a second change within 30 days needs a reviewer, and then takes effect too.
 */
@IntegrationTest
@TestPropertySource(properties = "settledesk.review.auto-approve-low-risk=true")
class CardChangeEndToEndIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Test
	void submit_review_effective_and_a_second_change_can_start() {
		var merchant = fixtures.individual();
		var driver = new ChangeRequestDriver(api, fixtures, merchant);

		String firstCard = MerchantFixtures.icbcCard();
		String first = driver.submitChange(firstCard);
		await().atMost(Duration.ofSeconds(10)).until(() -> driver.status(first).equals("EFFECTIVE"));
		assertThat(driver.get(first).json().get("history").findValuesAsString("status"))
			.containsSubsequence("PENDING_REVIEW", "APPROVED", "SCHEDULED", "EFFECTIVE");
		assertThat(currentCard(driver)).endsWith(firstCard.substring(15));
		assertThat(stopPage(merchant.phone())).as("a finished change's stop link tells the outcome in words")
			.contains("这次变更已经生效，无法再停止").doesNotContain("stop-button");

		String secondCard = MerchantFixtures.icbcCard();
		String second = submitAfterTheCodeInterval(driver, secondCard);
		String ops = "/api/v1/ops/settlement-card/change-requests/" + second;
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get(ops, api.token("reviewer1")).json().has("riskLevel"));
		var review = api.get(ops, api.token("reviewer1")).json();
		assertThat(review.get("riskLevel").asString()).isEqualTo("MEDIUM");
		assertThat(review.get("riskReasons").toString()).contains("REPEATED_CHANGE");
		assertThat(driver.status(second)).isEqualTo("PENDING_REVIEW");

		assertThat(api.post(ops + "/approve", Map.of(), api.token("reviewer1")).status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(5)).until(() -> driver.status(second).equals("EFFECTIVE"));
		assertThat(currentCard(driver)).endsWith(secondCard.substring(15));
		assertThat(api.get("/api/v1/merchant/settlement-account/history", driver.token()).json().size()).isEqualTo(2);
	}

	private String currentCard(ChangeRequestDriver driver) {
		return api.get("/api/v1/merchant/settlement-account", driver.token()).json().get("accountNumberMasked").asString();
	}

	private String stopPage(String phone) {
		String notice = api.get("/api/v1/dev/outbox?to=" + phone, null).json().findValuesAsString("text").stream()
			.filter(text -> text.contains("/stop/")).findFirst().orElseThrow();
		String code = notice.replaceAll("(?s).*/stop/([0-9a-f]{20}).*", "$1");
		return api.send(api.builder("/stop/" + code, null).header("Accept", "text/html").GET()).body();
	}

	/** The second change asks for a new code; codes are at most one a minute, so this waits on the test clock. */
	private String submitAfterTheCodeInterval(ChangeRequestDriver driver, String card) {
		clock.advance(Duration.ofSeconds(61));
		return driver.submitChange(card);
	}
}
