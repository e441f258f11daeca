package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

@IntegrationTest
class StatementPageIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Transactions transactions;

	@Autowired
	MutableClock clock;

	@Test
	void without_a_date_the_page_shows_today_or_yesterday_while_today_has_nothing_yet() {
		var merchant = fixtures.individual();
		transactions.capture(new Capture("STMT" + UUID.randomUUID().toString().substring(0, 12),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 2350L, clock.instant()));
		LocalDate saleDay = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		String session = api.webLogin(merchant.owner());
		assertThat(page(session)).contains("value=\"" + saleDay + "\"");

		clock.advance(Duration.ofDays(1));
		assertThat(page(session)).contains("value=\"" + saleDay + "\"").contains("¥23.50");
		transactions.capture(new Capture("STMT" + UUID.randomUUID().toString().substring(0, 12),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 1200L, clock.instant()));
		assertThat(page(session)).contains("value=\"" + saleDay.plusDays(1) + "\"");
	}

	private String page(String session) {
		return api.send(api.builder("/statements", null).header("Cookie", session).header("Accept", "text/html").GET())
			.body();
	}
}
