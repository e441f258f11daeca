package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.BoundingBox;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/**
 * A phone's way around the portal: a one-line header, a tab bar of four (首页 · 交易 · 结算 · 我的) with tap targets
 * of at least 44 px, and 我的 for everything else, the language and signing out; a desk keeps the top navigation.
 */
@IntegrationTest
class PortalNavigationBrowserTests extends Browsers {

	static final List<String> PORTAL_PAGES = List.of("/", "/transactions", "/payouts", "/statements",
			"/settlement-card", "/settlement-card/change", "/terminals", "/terminals/apply", "/tickets", "/tickets/new",
			"/help", "/messages", "/settings/notices", "/settings/webhooks", "/me");

	static final List<String> CONSOLE_PAGES = List.of("/ops", "/ops/card-changes", "/ops/payouts",
			"/ops/tickets", "/ops/messages", "/ops/reconciliation", "/ops/bank-files", "/ops/terminals",
			"/ops/terminal-applications", "/ops/terminal-host");

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
	void on_a_phone_four_tabs_of_at_least_44_px_under_a_one_line_header_lead_everywhere() {
		var merchant = fixtures.individual();
		try (BrowserContext context = phone(390)) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			Locator tabs = page.locator(".tabbar a");
			assertThat(tabs).hasCount(4);
			assertThat(tabs).containsText(new String[] { "首页", "交易", "结算", "我的" });
			for (int i = 0; i < 4; i++) {
				BoundingBox box = tabs.nth(i).boundingBox();
				org.assertj.core.api.Assertions.assertThat(box.height).as("tab height").isGreaterThanOrEqualTo(44);
				org.assertj.core.api.Assertions.assertThat(box.width).as("tab width").isGreaterThanOrEqualTo(44);
			}
			assertThat(page.locator(".app-header .app-nav")).isHidden();
			org.assertj.core.api.Assertions.assertThat(page.locator("header.app-header nav").first().boundingBox().height)
				.as("header is one line").isLessThanOrEqualTo(64);
			assertThat(page.locator("#tab-home")).hasAttribute("aria-current", "page");

			page.locator("#tab-transactions").click();
			assertThat(page).hasURL(Pattern.compile(".*/transactions$"));
			assertThat(page.locator("#tab-transactions")).hasAttribute("aria-current", "page");
			page.locator("#tab-settlement").click();
			assertThat(page).hasURL(Pattern.compile(".*/payouts$"));
			assertThat(page.locator("#tab-settlement")).hasAttribute("aria-current", "page");
			page.locator("#tab-me").click();
			assertThat(page).hasURL(Pattern.compile(".*/me$"));
			assertThat(page.locator("#me-settlement-card")).isVisible();
			assertThat(page.locator("#me-lang-en")).isVisible();
			assertThat(page.locator("#me-logout")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("portal-me")).setFullPage(true));
		}
	}

	@Test
	void a_cashier_has_the_help_desk_where_the_owner_has_settlement() {
		var merchant = fixtures.individual();
		try (BrowserContext context = phone(390)) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.cashier());
			assertThat(page.locator(".tabbar a")).hasCount(4);
			assertThat(page.locator(".tabbar a")).containsText(new String[] { "首页", "交易", "客服", "我的" });
			page.locator("#tab-service").click();
			assertThat(page).hasURL(Pattern.compile(".*/tickets$"));
			assertThat(page.locator("#tab-service")).hasAttribute("aria-current", "page");
			page.locator("#tab-me").click();
			assertThat(page.locator("#me-settlement-card")).hasCount(0);
			assertThat(page.locator("#me-help")).isVisible();
		}
	}

	@Test
	void no_portal_or_console_page_scrolls_sideways_at_360_px() {
		var merchant = fixtures.individual();
		List<String> details = detailPages(merchant, api, fixtures, transactions, tickets, clock);
		try (BrowserContext context = phone(360)) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			PORTAL_PAGES.forEach(path -> fitsWidth(page, path, 360));
			details.stream().filter(path -> !path.startsWith("/ops")).forEach(path -> fitsWidth(page, path, 360));
		}
		try (BrowserContext context = phone(360)) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), "admin");
			CONSOLE_PAGES.forEach(path -> fitsWidth(page, path, 360));
			details.stream().filter(path -> path.startsWith("/ops")).forEach(path -> fitsWidth(page, path, 360));
		}
	}

	/**
	 * A sale, a ticket, the merchant's terminal and a card change request: pages of one thing each, in the portal and
	 * the console (the request's page and its review).
	 */
	static List<String> detailPages(MerchantFixtures.TestMerchant merchant, ApiClient api, MerchantFixtures fixtures,
			com.settledesk.acquiring.Transactions transactions, com.settledesk.servicedesk.Tickets tickets,
			java.time.Clock clock) {
		var sale = transactions.capture(new com.settledesk.acquiring.Capture("NAV" + MerchantFixtures.digits(12),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 123456L, clock.instant()))
			.transaction();
		var owner = new com.settledesk.identity.CurrentUser(java.util.UUID.randomUUID(), merchant.owner(), "owner",
				com.settledesk.identity.Role.MERCHANT_OWNER, merchant.profile().id());
		var ticket = tickets.open(owner, new com.settledesk.servicedesk.NewTicket("OTHER", "到账时间",
				"昨天的款什么时候到？", null, List.of()), null).ticket().id();
		String change = new com.settledesk.testsupport.ChangeRequestDriver(api, fixtures, merchant)
			.submitChange(MerchantFixtures.icbcCard());
		return List.of("/transactions/" + sale.id(), "/tickets/" + ticket, "/terminals/" + merchant.terminalSn(),
				"/settlement-card/change/done/" + change, "/ops/tickets/" + ticket, "/ops/tickets/" + ticket + "/merchant",
				"/ops/card-changes/" + change);
	}

	@Test
	void on_a_desk_the_top_navigation_stays_and_the_tab_bar_is_hidden() {
		var merchant = fixtures.individual();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			assertThat(page.locator(".tabbar")).isHidden();
			page.locator("#nav-transactions").click();
			assertThat(page).hasURL(Pattern.compile(".*/transactions$"));
			assertThat(page.locator(".app-account a[data-lang=en]")).isVisible();
		}
	}

	private BrowserContext phone(int width) {
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(width, 800).setLocale("zh-CN"));
	}

	private void fitsWidth(Page page, String path, int width) {
		var response = page.navigate(api.baseUrl() + path);
		org.assertj.core.api.Assertions.assertThat(response.status()).as(path).isLessThan(400);
		org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
				"() => document.documentElement.scrollWidth")).intValue()).as(path).isLessThanOrEqualTo(width);
	}
}
