package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.TerminalDriver;

/** On a phone the owner applies for a terminal, follows it, sees the activation code and reports it lost. */
@IntegrationTest
class TerminalPagesBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	TerminalDriver driver;

	@Test
	void the_owner_applies_at_phone_width_fixing_a_missing_reason_then_reports_the_shipped_terminal_lost() {
		var merchant = fixtures.individual();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.locator("#tab-me").click();
			page.locator("#me-terminals").click();
			noHorizontalScroll(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("terminals-list")).setFullPage(true));
			page.locator("#apply-terminal").click();
			page.locator("input[name=modelCode][value=PAX-A920]").check();
			page.locator("#quantity").selectOption("2");
			page.locator("#deliveryAddress").fill("北京市朝阳区建国路 88 号");
			page.locator("#installationAddress").fill("北京市海淀区中关村大街 1 号");
			page.locator("#submit-application").click();
			assertThat(page.locator("#reason-error")).hasText("装机地址不是经营地址时，请说明原因。");
			assertThat(page.locator("#reason")).hasAttribute("aria-invalid", "true");
			noHorizontalScroll(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("terminal-apply-error")).setFullPage(true));
			page.locator("#reason").fill("第二家门店");
			page.locator("#submit-application").click();
			assertThat(page.locator("#application-submitted")).isVisible();
			assertThat(page.locator("#application-status")).hasText("已提交");
			noHorizontalScroll(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("terminal-application-submitted")).setFullPage(true));

			String id = page.url().replaceAll(".*/applications/([^?]+).*", "$1");
			api.post("/api/v1/ops/terminal-applications/" + id + "/approve", Map.of(), api.token("reviewer1"));
			List<String> serials = driver.stock("PAX-A920", 2);
			org.assertj.core.api.Assertions.assertThat(driver.ship(id, serials).status()).isEqualTo(200);
			page.reload();
			assertThat(page.locator("#application-status")).hasText("已发货");
			assertThat(page.locator("#tracking-no")).containsText("顺丰速运");
			assertThat(page.locator("#application-steps li.done")).hasCount(3);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("terminal-application-shipped")).setFullPage(true));

			page.locator("a", new Page.LocatorOptions().setHasText(serials.get(0))).first().click();
			assertThat(page.locator("#activation-code")).hasText(driver.activationCode(api.token(merchant.owner()), serials.get(0)));
			noHorizontalScroll(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("terminal-detail")).setFullPage(true));

			page.locator("#send-lost-code").click();
			page.locator("#otp").fill(fixtures.latestCode(merchant.phone()));
			page.locator("#confirm-lost").click();
			assertThat(page.locator("#terminal-done")).isVisible();
			assertThat(page.locator("#terminal-status")).hasText("已锁定");
			assertThat(page.locator("#activation")).hasCount(0);
			noHorizontalScroll(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("terminal-lost")).setFullPage(true));
		}
		org.assertj.core.api.Assertions.assertThat(api.get("/api/v1/merchant/terminals", api.token(merchant.owner()))
			.body()).contains("REPORTED_LOST");
	}

	@Test
	void operators_work_the_queue_ship_from_stock_and_unlock_in_the_console() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String id = driver.apply(owner, "NEWLAND-ME31", 1, null).json().get("id").asString();
		List<String> serials = driver.stock("NEWLAND-ME31", 1);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), "reviewer1");
			page.navigate(api.baseUrl() + "/ops/terminal-applications");
			assertThat(page.locator("tr[data-application='" + id + "']")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-terminal-queue")).setFullPage(true));
			page.locator("tr[data-application='" + id + "'] a").click();
			assertThat(page.locator("#risk-signals")).containsText("机具过多");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-terminal-application")).setFullPage(true));
			page.locator("#approve").click();
			assertThat(page.locator("#application-status")).hasText("已通过");
			page.locator("input[name=serialNumbers][value='" + serials.get(0) + "']").check();
			page.locator("#trackingNo").fill("SF" + MerchantFixtures.digits(10));
			page.locator("#ship").click();
			assertThat(page.locator("#application-status")).hasText("已发货");
			noHorizontalScroll(page);

			page.navigate(api.baseUrl() + "/ops/terminals?q=" + serials.get(0));
			assertThat(page.locator("tr[data-serial='" + serials.get(0) + "']")).containsText("已发货，待激活");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-terminal-register")).setFullPage(true));
			page.navigate(api.baseUrl() + "/ops/terminal-stock");
			assertThat(page.locator("#stock-counts")).isVisible();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-terminal-stock")).setFullPage(true));

			for (int i = 0; i < 5; i++) {
				driver.activate(serials.get(0), "99999999".equals(driver.activationCode(owner, serials.get(0))) ? "88888888"
						: "99999999");
			}
			page.navigate(api.baseUrl() + "/ops/terminals");
			assertThat(page.locator("#terminal-alerts")).containsText(serials.get(0));
			page.navigate(api.baseUrl() + "/ops/terminals/" + serials.get(0));
			page.locator("#unlock-note").fill("电话核实为本人");
			page.locator("#unlock").click();
			assertThat(page.locator("#terminal-status")).hasText("已发货，待激活");
			assertThat(page.locator("#terminal-history")).containsText("解锁");
			noHorizontalScroll(page);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-terminal")).setFullPage(true));
		}
	}

	private static void noHorizontalScroll(Page page) {
		org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth"))
			.intValue()).as(page.url()).isLessThanOrEqualTo(390);
	}
}
