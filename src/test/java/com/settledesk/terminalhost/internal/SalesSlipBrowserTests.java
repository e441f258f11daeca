package com.settledesk.terminalhost.internal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** A cashier opens the slip of a card sale from the terminal at phone width. */
@IntegrationTest
class SalesSlipBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Terminals terminals;

	@Autowired
	TerminalHostServer host;

	@Autowired
	com.settledesk.acquiring.Transactions transactions;

	@Autowired
	java.time.Clock clock;

	@Test
	void the_slip_of_a_terminal_sale_reads_at_phone_width_with_the_card_masked() throws Exception {
		var merchant = fixtures.individual();
		String terminalId = "1" + MerchantFixtures.digits(7);
		terminals.injectMasterKey(merchant.terminalSn(), terminalId, TerminalHostIntegrationTests.MASTER_KEY);
		String rrn;
		try (IsoTerminal terminal = new IsoTerminal(host.port(), terminalId, merchant.profile().merchantNo(),
				TerminalHostIntegrationTests.MASTER_KEY)) {
			terminal.signOn();
			rrn = terminal.purchase("000001", TerminalHostIntegrationTests.PAN, 12345, "051").text(37);
		}
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.cashier());
			page.navigate(api.baseUrl() + "/transactions");
			page.locator(".slip-link").first().click();
			assertThat(page.locator("#slip-rrn")).hasText(rrn);
			assertThat(page.locator("#slip-card")).hasText("622202*********6788");
			assertThat(page.locator("#slip-amount")).hasText("¥123.45");
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
					"() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("sales-slip")).setFullPage(true));
		}
	}

	@Test
	void a_cashier_finds_a_card_sale_by_the_cards_last_four_digits_and_its_amount() throws Exception {
		var merchant = fixtures.individual();
		String terminalId = "1" + MerchantFixtures.digits(7);
		terminals.injectMasterKey(merchant.terminalSn(), terminalId, TerminalHostIntegrationTests.MASTER_KEY);
		try (IsoTerminal terminal = new IsoTerminal(host.port(), terminalId, merchant.profile().merchantNo(),
				TerminalHostIntegrationTests.MASTER_KEY)) {
			terminal.signOn();
			terminal.purchase("000001", TerminalHostIntegrationTests.PAN, 1234567, "051");
			terminal.purchase("000002", TerminalHostIntegrationTests.PAN, 500, "051");
		}
		transactions.capture(new com.settledesk.acquiring.Capture("QR" + MerchantFixtures.digits(12),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 1234567L, clock.instant()));
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.cashier());
			page.locator("#tab-transactions").click();
			assertThat(page.locator(".transaction")).hasCount(3);
			page.locator("#transaction-filter summary").click();
			page.locator("input[name=card]").fill("6788");
			page.locator("input[name=amount]").fill("12,345.67");
			page.locator("#transaction-filter button[type=submit]").click();
			assertThat(page.locator(".transaction")).hasCount(1);
			assertThat(page.locator(".transaction strong")).hasText("¥12,345.67");
			assertThat(page.locator(".transaction .slip-link")).isVisible();
			assertThat(page.locator("#transaction-totals")).containsText("共 1 笔，成交合计 ¥12,345.67");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("transactions-search")).setFullPage(true));
			page.locator(".transaction-link").click();
			assertThat(page.locator("#transaction-amount")).hasText("¥12,345.67");
			assertThat(page.locator("#transaction-net")).hasText("¥12,325.67");
			assertThat(page.locator("#transaction-slip")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("transaction-detail")).setFullPage(true));
			page.goBack();

			page.locator("input[name=card]").fill("1234");
			page.locator("#transaction-filter button[type=submit]").click();
			assertThat(page.locator("#no-transactions")).isVisible();

			page.locator("input[name=card]").fill("67a8");
			page.locator("input[name=amount]").fill("-3");
			page.locator("#transaction-filter button[type=submit]").click();
			assertThat(page.locator("input[name=card] + .field-error")).hasText("请输入卡号的后四位数字。");
			assertThat(page.locator("input[name=amount] + .field-error")).containsText("请输入大于 0 的金额");
			assertThat(page.locator(".transaction")).hasCount(0);
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
					"() => document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
		}
	}
}
