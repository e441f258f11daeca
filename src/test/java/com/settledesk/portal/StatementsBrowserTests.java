package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** Statements on a phone, a month prepared with a progress bar; finance reconciling a closed day. */
@IntegrationTest
class StatementsBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Transactions transactions;

	@Test
	void the_merchant_reads_the_days_statement_gets_a_receipt_and_downloads_the_month_when_its_bar_is_full()
			throws Exception {
		var merchant = fixtures.individual();
		for (long amount : new long[] { 10000, 500000 }) {
			transactions.capture(new Capture("RRN" + UUID.randomUUID().toString().substring(0, 16),
					merchant.profile().merchantNo(), merchant.terminalSn(), "CARD_CHIP", "DEBIT", amount, Instant.now()));
		}
		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN").setAcceptDownloads(true))) {
			Page page = phone.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.locator("#tab-me").click();
			page.locator("#me-statements").click();
			assertThat(page.locator(".statement-line")).hasCount(2);
			assertThat(page.locator("#closing")).hasText("¥5,079.50");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("portal-statement")).setFullPage(true));

			assertThat(page.locator("#total-takings")).hasText("¥5,100.00");
			assertThat(page.locator("#sales-group > summary")).containsText("共 2 笔");
			page.locator("#sales-group > summary").click();
			page.locator(".statement-line .line-actions summary").first().click();
			Download receipt = page.waitForDownload(() -> page.locator(".receipt-link").first().click());
			org.assertj.core.api.Assertions.assertThat(Files.readAllBytes(receipt.path()))
				.startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
			page.locator(".statement-line .ask-service").first().click();
			assertThat(page.locator("#related-note")).containsText(Pattern.compile("的一笔 ¥(100|5,000)\\.00 交易，手续费 ¥"));
			page.goBack();

			page.locator("#month-form button[type=submit]").click();
			assertThat(page.locator("#month-job progress")).isVisible();
			assertThat(page.locator("#month-job .job-download")).isVisible();
			assertThat(page.locator("#month-job progress")).hasAttribute("value", "100");
			Download month = page.waitForDownload(() -> page.locator("#month-job .job-download").click());
			org.assertj.core.api.Assertions.assertThat(new String(Files.readAllBytes(month.path()), StandardCharsets.UTF_8))
				.contains("商户对账单");
		}
	}

	@Test
	void finance_reconciles_a_closed_day_and_sees_the_run() {
		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setLocale("zh-CN"))) {
			Page page = desk.newPage();
			signIn(page, api.baseUrl(), "finance1");
			page.locator("#nav-reconciliation").click();
			int runsBefore = page.locator("#recon-runs tbody tr").count();
			page.locator("#fetch-form input[name=date]").fill("2025-06-03");
			page.locator("#fetch-form button[type=submit]").click();
			assertThat(page.locator("#recon-job [data-status=DONE]")).isVisible();
			assertThat(page.locator("#latest-run")).containsText("2025-06-03");
			assertThat(page.locator("#latest-run")).containsText("已勾对");
			assertThat(page.locator("#recon-runs tbody tr")).hasCount(runsBefore + 1);
			assertThat(page.locator("#recon-runs")).containsText("2025-06-03");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-reconciliation")).setFullPage(true));
			page.locator("#recon-runs a", new Page.LocatorOptions().setHasText("2025-06-03")).click();
			assertThat(page.locator("#open-breaks")).hasText("0");
		}
	}

	@Test
	void on_a_phone_a_second_file_for_the_same_day_shows_as_refused_and_replacing_it_needs_a_reason() throws Exception {
		java.nio.file.Path first = Files.createTempFile("result-2025-06-10-", ".txt");
		java.nio.file.Path second = Files.createTempFile("result-2025-06-10-again-", ".txt");
		Files.writeString(first, "H|SETTLEDESK-BANK-RESULT|1|2025-06-10|SIMBANK\nT|0|0\n");
		Files.writeString(second, "H|SETTLEDESK-BANK-RESULT|1|2025-06-10|SIMBANK\r\nT|0|0\r\n");
		try (BrowserContext desk = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = desk.newPage();
			signIn(page, api.baseUrl(), "finance1");
			page.navigate(api.baseUrl() + "/ops/reconciliation");
			page.locator("#upload-form input[type=file]").setInputFiles(first);
			page.locator("#upload-form button[type=submit]").click();
			assertThat(page.locator("#recon-job [data-status=DONE]")).isVisible();

			page.locator("#upload-form input[type=file]").setInputFiles(second);
			page.locator("#upload-form button[type=submit]").click();
			assertThat(page.locator("#recon-job [data-status=FAILED]")).containsText("这一天已经接受过另一份文件");
			assertThat(page.locator("#recon-uploads li[data-status=REFUSED]").first()).containsText("已拒绝");

			page.locator("#replace-fields summary").click();
			page.locator("#replace-check").check();
			page.locator("#upload-form button[type=submit]").click();
			assertThat(page.locator("#reason-invalid")).isVisible();
			page.locator("#replace-reason").fill("银行重发了更正后的文件");
			page.locator("#upload-form button[type=submit]").click();
			assertThat(page.locator("#recon-job [data-status=DONE]")).isVisible();
			assertThat(page.locator("#recon-runs .superseded")).hasCount(1);
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth"))
				.intValue()).isLessThanOrEqualTo(390);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-reconciliation-replace")).setFullPage(true));
			page.locator("#recon-runs tr:has(.superseded) a").click();
			assertThat(page.locator("#run-superseded")).containsText("银行重发了更正后的文件");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-reconciliation-superseded")).setFullPage(true));
		}
	}
}
