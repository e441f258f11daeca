package com.settledesk.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** axe-core (WCAG 2 A and AA rules) finds no serious or critical violation on the portal's and console's pages. */
@IntegrationTest
class AccessibilityBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	com.settledesk.acquiring.Transactions transactions;

	@Autowired
	com.settledesk.servicedesk.Tickets tickets;

	@Autowired
	java.time.Clock clock;

	@Test
	void no_page_has_a_serious_accessibility_violation() {
		List<String> found = new ArrayList<>();
		var merchant = fixtures.individual();
		List<String> details = PortalNavigationBrowserTests.detailPages(merchant, api, fixtures, transactions, tickets, clock);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			scan(page, "/login", found);
			signIn(page, api.baseUrl(), merchant.owner());
			PortalNavigationBrowserTests.PORTAL_PAGES.forEach(path -> scan(page, path, found));
			details.stream().filter(path -> !path.startsWith("/ops")).forEach(path -> scan(page, path, found));
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), "admin");
			PortalNavigationBrowserTests.CONSOLE_PAGES.forEach(path -> scan(page, path, found));
			details.stream().filter(path -> path.startsWith("/ops")).forEach(path -> scan(page, path, found));
		}
		assertThat(found).isEmpty();
	}

	private void scan(Page page, String path, List<String> found) {
		page.navigate(api.baseUrl() + path);
		var results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
		assertThat(results.getPasses()).as("axe ran its rules on " + path).isNotEmpty();
		for (Rule violation : results.getViolations()) {
			if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
				found.add(path + " " + violation.getId() + " (" + violation.getNodes().size() + "): "
						+ violation.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
			}
		}
	}

	@Test
	void the_scan_itself_catches_an_unlabelled_field_and_an_image_without_words() {
		try (BrowserContext context = browser.newContext()) {
			Page page = context.newPage();
			page.setContent("<html lang='zh'><head><title>t</title></head><body><main><img src='data:,'>"
					+ "<input type='text'></main></body></html>");
			assertThat(new AxeBuilder(page).analyze().getViolations()).extracting(Rule::getId)
				.contains("image-alt", "label");
		}
	}
}
