package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ScreenshotType;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;

/**
 * A tour of every portal and console list page at a phone's 390 px and a desk's 1440 px, each answered and saved to
 * target/screenshots/tour-<width>-<page>.png, with one screen of each as screen-<width>-<page>.jpg (README shows a
 * few of those, copied to docs/screenshots). The demo's convenience store with its history is the merchant, as a
 * newcomer sees it (the same context as DemoHistoryIntegrationTests).
 */
@IntegrationTest
@TestPropertySource(properties = "settledesk.demo.history-days=45")
class ScreenshotTourBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Test
	void every_page_answers_and_is_photographed_at_390_and_1440_px() {
		for (int width : new int[] { 390, 1440 }) {
			tour(width, "13800000001", PortalNavigationBrowserTests.PORTAL_PAGES);
			tour(width, "admin", PortalNavigationBrowserTests.CONSOLE_PAGES);
		}
	}

	@Test
	void the_demo_store_opens_on_a_shop_with_money_even_before_todays_first_sale() {
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = phone.newPage();
			signIn(page, api.baseUrl(), "13800000001");
			PlaywrightAssertions.assertThat(page.locator("#yesterday"))
				.containsText(Pattern.compile("昨日 ¥[1-9][0-9,]*\\.\\d\\d，共 [1-9]\\d* 笔"));
			PlaywrightAssertions.assertThat(page.locator("#last-payout"))
				.containsText(Pattern.compile("上一笔：¥[1-9].* 到结算卡 622202\\*+6788，.* 已到账"));
			PlaywrightAssertions.assertThat(page.locator("#chart-summary"))
				.containsText("最多的一天");
			// a D0 shop's balance is paid out as it comes in: when it reads ¥0.00 the page says why
			PlaywrightAssertions.assertThat(page.locator("#d0-explained"))
				.hasCount("¥0.00".equals(page.locator("#balance").textContent().strip()) ? 1 : 0);
		}
	}

	private void tour(int width, String username, java.util.List<String> paths) {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(width,
				width < 768 ? 844 : 900).setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), username);
			for (String path : paths) {
				var response = page.navigate(api.baseUrl() + path);
				assertThat(response.status()).as(path).isLessThan(400);
				page.waitForLoadState();
				String name = path.equals("/") ? "home" : path.substring(1).replace('/', '-');
				page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("tour-" + width + "-" + name)).setFullPage(true));
				// what one screen shows, small enough to commit beside the README (docs/screenshots)
				page.screenshot(new Page.ScreenshotOptions().setType(ScreenshotType.JPEG).setQuality(70)
					.setPath(SCREENSHOTS.resolve("screen-" + width + "-" + name + ".jpg")));
			}
		}
	}
}
