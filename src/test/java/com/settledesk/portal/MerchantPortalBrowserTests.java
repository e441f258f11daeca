package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;

/** The web shell in a real browser at phone width (390 px): login, merchant home, language switch, console. */
@IntegrationTest
class MerchantPortalBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	private BrowserContext context;
	private Page page;

	@BeforeEach
	void openPhone() {
		context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
		page = context.newPage();
	}

	@AfterEach
	void closePhone() {
		context.close();
	}

	@Test
	void the_owner_sees_the_merchant_and_its_masked_card_in_chinese_and_switches_to_english_for_good_under_me() {
		signIn("13800000001");

		assertThat(page.locator("#merchant-name")).hasText("张三便利店");
		assertThat(page.locator("#card-number")).hasText("622202*********6788");
		assertThat(page.locator("#card-bank")).containsText("中国工商银行");
		assertThat(page.locator("#card-title")).hasText("当前结算卡");
		assertThat(page.content()).doesNotContain("6222024000123456788");
		assertFitsPhoneWidth();
		page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("portal-home-zh")).setFullPage(true));

		page.locator("#tab-me").click();
		page.locator("#me-lang-en").click();
		assertThat(page.locator("#tab-me")).containsText("Me");
		page.locator("#tab-home").click();
		assertThat(page.locator("#card-title")).hasText("Current settlement card");
		assertThat(page.locator("#card-number")).hasText("622202*********6788");
		assertFitsPhoneWidth();
		page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("portal-home-en")).setFullPage(true));

		page.locator("#tab-me").click();
		page.locator("#me-logout").click();
		assertThat(page).hasURL(Pattern.compile(".*/login\\?logout"));
	}

	@Test
	void a_wrong_password_shows_one_message_that_does_not_say_which_part_was_wrong() {
		page.navigate(api.baseUrl() + "/login");
		page.locator("#username").fill("13800000001");
		page.locator("#password").fill("not-the-password");
		page.locator("form[action$='/login'] button[type=submit]").click();
		assertThat(page.locator("p[role=alert]")).hasText("用户名或密码不正确。");
	}

	@Test
	void an_operator_lands_on_the_console_with_the_days_work() {
		signIn("admin");
		assertThat(page).hasURL(Pattern.compile(".*/ops$"));
		assertThat(page.locator("#reviews-waiting")).hasText(Pattern.compile("[0-9]+"));
		assertThat(page.locator("#payouts-failed")).hasText(Pattern.compile("[0-9]+"));
		assertThat(page.locator("#open-breaks")).hasText(Pattern.compile("[0-9]+"));
		assertThat(page.locator("#tickets-active")).hasText(Pattern.compile("[0-9]+"));
		assertThat(page.locator("#register-size")).containsText("个商户");
		page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-home-zh")).setFullPage(true));
		page.locator("#nav-ops-payouts").click();
		assertThat(page.locator("#payout-counts")).containsText("已到账");
		assertThat(page.locator("form[action$='/ops/payouts/holds']")).isVisible();
		page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("console-payouts")).setFullPage(true));
	}

	@Test
	void a_merchant_user_cannot_open_the_console() {
		signIn("13800000002");
		var response = page.navigate(api.baseUrl() + "/ops");
		assertThat(response.status()).isEqualTo(403);
		assertThat(page.locator("h1")).hasText("出错了");
	}

	private void signIn(String username) {
		page.navigate(api.baseUrl() + "/");
		page.locator("#username").fill(username);
		page.locator("#password").fill(ApiClient.DEMO_PASSWORD);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForLoadState();
	}

	private void assertFitsPhoneWidth() {
		Object scrollWidth = page.evaluate("() => document.documentElement.scrollWidth");
		assertThat(((Number) scrollWidth).intValue()).as("page width at 390 px").isLessThanOrEqualTo(390);
	}
}
