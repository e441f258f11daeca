package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.notification.Notifications;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The owner chooses on a phone where notices go; a wrong address is said on its field. */
@IntegrationTest
class NoticeSettingsBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Notifications notifications;

	@Test
	void the_owner_adds_an_email_for_payout_notices_after_correcting_a_wrong_address() {
		var merchant = fixtures.individual();
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.locator("#tab-me").click();
			page.locator("#me-messages").click();
			page.locator("#to-notice-settings").click();
			page.locator("#email").fill("zhang at example");
			page.locator("#mail-PAYOUT").check();
			page.locator("#save-notices").click();
			assertThat(page.locator("#email-error")).hasText("请输入有效的邮箱地址。");
			assertThat(page.locator("#email")).hasAttribute("aria-invalid", "true");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("notice-settings-error")).setFullPage(true));

			page.locator("#email").fill("zhang@example.com");
			page.locator("#save-notices").click();
			assertThat(page.locator("#notices-saved")).isVisible();
			assertThat(page.locator("#mail-PAYOUT")).isChecked();
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth"))
				.intValue()).isLessThanOrEqualTo(390);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("notice-settings")).setFullPage(true));
		}
		org.assertj.core.api.Assertions.assertThat(notifications.preferences(merchant.profile().id()).email())
			.isEqualTo("zhang@example.com");
	}
}
