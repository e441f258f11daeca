package com.settledesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;

/** Finance's console pages read on a phone: no page wider than the screen, the simulators named in a banner. */
@IntegrationTest
class ConsolePhoneBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Test
	void finance_reads_message_delivery_and_bank_files_on_a_phone() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), "finance1");
			for (String[] visit : new String[][] { { "/ops/messages", "#message-counts", "console-messages" },
					{ "/ops/bank-files", "main h1", "console-bank-files" } }) {
				page.navigate(api.baseUrl() + visit[0]);
				assertThat(page.locator(visit[1])).isVisible();
				assertThat(page.locator("#simulator-banner")).isVisible();
				org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth"))
					.intValue()).as(visit[0]).isLessThanOrEqualTo(390);
				page.screenshot(new Page.ScreenshotOptions().setPath(screenshot(visit[2])).setFullPage(true));
			}
		}
	}

	@Test
	void an_administrator_verifies_the_audit_chain_on_a_phone_and_sees_it_intact() {
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), "admin");
			page.navigate(api.baseUrl() + "/ops/audit");
			assertThat(page.locator("#audit-entries")).isVisible();
			page.locator("#audit-verify").click();
			assertThat(page.locator("#audit-job .job-download")).isVisible();
			assertThat(page.locator("#audit-status")).hasText("完整");
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth"))
				.intValue()).isLessThanOrEqualTo(390);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-audit")).setFullPage(true));
		}
	}
}
