package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

/** The payouts page of the demo store with its history (the context of DemoHistoryIntegrationTests; H2 only). */
@IntegrationTest
@TestPropertySource(properties = "settledesk.demo.history-days=45")
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class PayoutsPageIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void payouts_come_twenty_to_a_page_newest_first() {
		String session = api.webLogin("13800000001");
		String first = page(session, "");
		assertThat(count(first)).isEqualTo(20);
		assertThat(first).contains("id=\"page-older\"").doesNotContain("id=\"page-newer\"").contains("第 1 页");
		String third = page(session, "?page=2");
		assertThat(count(third)).isBetween(5, 20);
		assertThat(third).contains("id=\"page-newer\"").contains("href=\"/payouts?page=1\"");
		assertThat(page(session, "?page=3")).doesNotContain("id=\"page-older\"");
		assertThat(count(page(session, "?page=abc"))).isEqualTo(20);
		assertThat(count(page(session, "?page=99999999999999"))).isZero();
	}

	private String page(String session, String query) {
		var response = api.send(api.builder("/payouts" + query, null).header("Cookie", session).header("Accept", "text/html")
			.GET());
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private static int count(String html) {
		return html.split("class=\"payout\"", -1).length - 1;
	}
}
