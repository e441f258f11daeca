package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
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
