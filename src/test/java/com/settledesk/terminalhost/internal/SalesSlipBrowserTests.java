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
}
