package com.settledesk.cardchange;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The stop link from the notice, opened on the phone that got it: one tap stops the change, then only the outcome. */
@IntegrationTest
class StopLinkBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Test
	void one_tap_stops_the_change_and_the_page_then_says_only_that_it_stopped() {
		var merchant = fixtures.individual();
		new ChangeRequestDriver(api, fixtures, merchant).submitChange(MerchantFixtures.icbcCard());
		String link = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api
			.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).json().findValuesAsString("text").stream()
			.filter(text -> text.contains("/stop/")).findFirst(), java.util.Optional::isPresent).orElseThrow()
			.replaceAll("(?s).*(/stop/[0-9a-f]{20}).*", "$1");
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			page.navigate(api.baseUrl() + link);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("stop-link-open")).setFullPage(true));
			page.locator("#stop-button").click();
			assertThat(page.locator("#stop-outcome")).hasText("已停止，这次变更不会生效。请尽快修改登录密码并联系客服。");
			assertThat(page.locator("#stop-status")).hasText("已撤销");
			assertThat(page.locator("main")).not().containsText("无法");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("stop-link-stopped")).setFullPage(true));

			page.navigate(api.baseUrl() + link);
			assertThat(page.locator("#stop-outcome")).containsText("这次变更已经停止，不会生效");
			assertThat(page.locator("#stop-button")).hasCount(0);
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth"))
				.intValue()).isLessThanOrEqualTo(390);
		}
	}
}
