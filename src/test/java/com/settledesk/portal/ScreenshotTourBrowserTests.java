package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ScreenshotType;
import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.payout.Payouts;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/**
 * A tour of every portal and console list page at a phone's 390 px and a desk's 1440 px, each answered and saved to
 * target/screenshots/tour-<width>-<page>.png, with one screen of each as screen-<width>-<page>.jpg (README shows a
 * few of those, copied to docs/screenshots).
 */
@IntegrationTest
class ScreenshotTourBrowserTests extends Browsers {

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
	void every_page_answers_and_is_photographed_at_390_and_1440_px() {
		var merchant = fixtures.individual();
		long[] sales = { 3800, 12850, 6600, 45000, 2300, 18800 };
		for (int i = 0; i < sales.length; i++) {
			transactions.capture(new Capture("TOUR" + UUID.randomUUID().toString().substring(0, 12),
					merchant.profile().merchantNo(), merchant.terminalSn(), i % 2 == 0 ? "QR_WECHAT" : "QR_ALIPAY", "NONE",
					sales[i], clock.instant().minusSeconds(600L * i)));
		}
		payouts.settle("D0");
		for (int width : new int[] { 390, 1440 }) {
			tour(width, merchant.owner(), PortalNavigationBrowserTests.PORTAL_PAGES);
			tour(width, "admin", PortalNavigationBrowserTests.CONSOLE_PAGES);
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
