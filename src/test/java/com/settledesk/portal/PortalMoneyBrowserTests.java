package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.payout.Payouts;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The merchant's money on a phone: balance, today's takings, the chart, a failed payout explained. */
@IntegrationTest
class PortalMoneyBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Transactions transactions;

	@Autowired
	Payouts payouts;

	@Autowired
	java.time.Clock clock;

	@Test
	void the_merchant_sees_takings_a_chart_and_why_a_payout_did_not_arrive() {
		var merchant = fixtures.individual();
		api.post("/api/v1/dev/bank/outcomes", Map.of("accountNumber", merchant.currentCard(), "outcome", "FAILED",
				"reason", "户名与卡号不符"), null);
		for (long amount : new long[] { 12000, 34500 }) {
			transactions.capture(new Capture("RRN" + UUID.randomUUID().toString().substring(0, 16),
					merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", amount,
					clock.instant()));
		}
		payouts.settle("D0");
		await().atMost(Duration.ofSeconds(10)).until(() -> payouts.ofMerchant(merchant.profile().id(), 5).get(0).status()
			.name().equals("FAILED"));

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			page.navigate(api.baseUrl() + "/login");
			page.locator("#username").fill(merchant.owner());
			page.locator("#password").fill(ApiClient.DEMO_PASSWORD);
			page.locator("form[action$='/login'] button[type=submit]").click();

			assertThat(page.locator("#today-takings")).hasText("¥465.00");
			assertThat(page.locator("#balance")).hasText("¥463.23");
			assertThat(page.locator("#takings-chart svg")).isVisible();
			assertThat(page.locator("#chart-summary")).containsText("合计 ¥465.00");
			assertThat(page.locator("#today-count")).hasText("共 2 笔");
			assertThat(page.locator("#on-its-way .today-payout")).containsText("未到账，资金已退回余额");
			assertThat(page.locator("#card-status")).containsText("使用中");
			assertThat(page.locator("#takings-chart svg")).containsText("¥");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("portal-money-home")).setFullPage(true));

			page.locator("#tab-settlement").click();
			assertThat(page.locator(".payout").first()).containsText("出款失败");
			assertThat(page.locator(".payout").first()).containsText("户名与卡号不符");
			assertThat(page.locator(".payout").first()).containsText("资金已退回余额");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("portal-payouts")).setFullPage(true));
		}
	}

	@Test
	void a_shop_without_sales_reads_a_sentence_instead_of_an_empty_axis() {
		var merchant = fixtures.individual();
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			assertThat(page.locator("#chart-empty")).containsText("还没有交易");
			assertThat(page.locator("#takings-chart")).hasCount(0);
		}
	}
}
