package com.settledesk.servicedesk;

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

/**
 * A merchant whose payout failed asks customer service in one tap from the payout, on a phone; an agent answers on a
 * laptop with an internal note beside it; the merchant reads the answer (never the note) and rates it.
 */
@IntegrationTest
class ServiceDeskBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Transactions transactions;

	@Autowired
	Payouts payouts;

	@Test
	void a_merchant_asks_about_a_failed_payout_from_the_payout_and_an_agent_answers() {
		var merchant = fixtures.individual();
		api.post("/api/v1/dev/bank/outcomes", Map.of("accountNumber", merchant.currentCard(), "outcome", "FAILED",
				"reason", "户名与卡号不符"), null);
		transactions.capture(new Capture("RRN" + UUID.randomUUID().toString().substring(0, 16),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 50000L, java.time.Instant.now()));
		payouts.settle("D0");
		await().atMost(Duration.ofSeconds(10)).until(() -> payouts.ofMerchant(merchant.profile().id(), 5).get(0).status()
			.name().equals("FAILED"));
		String secret = "内部：银行反馈户名不符 " + UUID.randomUUID().toString().substring(0, 8);
		String answer = "您好，出款因户名与卡号不符被退回，资金已回到余额，请更换结算卡后会重新出款。";

		String number;
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.locator("#tab-settlement").click();
			page.locator(".payout").first().locator(".ask-service").click();
			assertThat(page.locator("#category")).hasValue("PAYOUT");
			assertThat(page.locator("#related-note")).isVisible();
			page.locator("#subject").fill("出款失败了");
			page.locator("#body").fill("今天的出款显示失败，钱在哪里？");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("ticket-new-390")).setFullPage(true));
			page.locator("#submit-ticket").click();
			assertThat(page.locator("#ticket-status")).hasText("待处理");
			number = page.locator("#ticket-number").textContent();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("ticket-open-390")).setFullPage(true));
			assertNoHorizontalScroll(page);
		}

		try (BrowserContext laptop = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)
			.setLocale("zh-CN"))) {
			Page page = laptop.newPage();
			signIn(page, api.baseUrl(), "agent1");
			page.locator("#nav-ops-tickets").click();
			page.locator("tr[data-ticket='" + number + "'] a").click();
			assertThat(page.locator("#related")).containsText("出款");
			assertThat(page.locator("#related")).containsText("¥");
			assertThat(page.locator("#related")).containsText("出款失败");
			assertThat(page.locator("#related")).not().containsText("-");
			page.locator("#take-ticket").click();
			assertThat(page.locator("#ticket-holder")).containsText("agent1");
			page.locator("#answer-body").fill(secret);
			page.locator("#internal-note").check();
			page.locator("#send-answer").click();
			page.locator("#answer-body").fill(answer);
			page.locator("#send-answer").click();
			assertThat(page.locator(".conversation")).containsText(answer);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-ticket")).setFullPage(true));
			page.locator("#open-merchant-view").click();
			assertThat(page.locator("#merchant-payouts")).containsText("户名与卡号不符");
			assertThat(page.locator("body")).not().containsText(merchant.currentCard());
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-ticket-merchant")).setFullPage(true));
			page.navigate(api.baseUrl() + "/ops/tickets");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-tickets")).setFullPage(true));
		}

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.locator("#tab-me").click();
			page.locator("#me-service").click();
			page.locator(".ticket[data-ticket='" + number + "'] a").click();
			assertThat(page.locator(".conversation")).containsText(answer);
			assertThat(page.locator("body")).not().containsText(secret);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("ticket-answered-390")).setFullPage(true));
			assertNoHorizontalScroll(page);
			page.navigate(api.baseUrl() + "/help?q=D0");
			assertThat(page.locator(".saved-answer").first()).containsText("D0");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("help-390")).setFullPage(true));
			assertNoHorizontalScroll(page);
		}
	}

	@Test
	void the_sms_sign_in_and_reset_pages_fit_a_phone() {
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			page.navigate(api.baseUrl() + "/login");
			page.locator("#to-sms-login").click();
			assertThat(page.locator("#send-code")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("login-sms-390")).setFullPage(true));
			assertNoHorizontalScroll(page);
			page.navigate(api.baseUrl() + "/login/reset");
			assertThat(page.locator("#reset-password")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("login-reset-390")).setFullPage(true));
			assertNoHorizontalScroll(page);
		}
	}

	static void assertNoHorizontalScroll(Page page) {
		Object wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
		org.assertj.core.api.Assertions.assertThat(wider).as("no horizontal scrolling").isEqualTo(false);
	}
}
