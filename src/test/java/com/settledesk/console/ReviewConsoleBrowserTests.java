package com.settledesk.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** Four eyes in the operations console, and the merchant sees the result on a phone. */
@IntegrationTest
class ReviewConsoleBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Test
	void reviewer1_approves_a_high_risk_change_reviewer2_confirms_and_the_merchant_sees_the_new_card() {
		var merchant = fixtures.individual();
		var driver = new ChangeRequestDriver(api, fixtures, merchant);
		String newCard = MerchantFixtures.icbcCard();
		List<String> materials = new ArrayList<>(driver.materials());
		materials.add(driver.upload("AUTHORIZATION"));
		var body = driver.body(newCard, materials);
		body.put("accountName", "王五");
		body.put("holderIdNumber", MerchantFixtures.randomId());
		String id = driver.submit(body).json().get("id").asString();
		await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/ops/settlement-card/change-requests/" + id,
				api.token("reviewer1")).json().has("riskLevel"));
		String masked = newCard.substring(0, 6) + "*********" + newCard.substring(15);

		try (BrowserContext reviewer1 = desktop()) {
			Page page = signIn(reviewer1, "reviewer1");
			assertThat(page.locator("#simulator-banner")).containsText("银行出款通道");
			page.locator("#nav-review-queue").click();
			var row = page.locator("tr[data-request='" + id + "']");
			assertThat(row).containsText("高风险");
			assertThat(row).containsText(masked);
			assertThat(page.locator("th", new Page.LocatorOptions().setHasText("风险"))).isVisible();
			assertThat(page.locator("th", new Page.LocatorOptions().setHasText("等待"))).isInViewport();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("review-queue")).setFullPage(true));

			row.locator("a").click();
			assertThat(page.locator("#risk-level")).hasText("高风险");
			assertThat(page.locator("#risk-reasons")).containsText("持卡人不是法人");
			assertThat(page.locator("#new-card")).hasText(masked);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("review-detail")).setFullPage(true));
			page.locator(".material-open").first().click();
			assertThat(page.locator("#material-viewer")).isVisible();
			org.assertj.core.api.Assertions.assertThat(((Number) page.evaluate(
					"() => document.getElementById('viewer-image').naturalWidth")).intValue()).isPositive();
			page.locator("[data-viewer-action=zoom-in]").click();
			page.locator("[data-viewer-action=rotate]").click();
			assertThat(page.locator("#viewer-image")).hasAttribute("style", java.util.regex.Pattern.compile(
					"width: 150%.*rotate\\(90deg\\)"));
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("review-material-viewer")));
			page.locator("[data-viewer-action=close]").click();
			assertThat(page.locator("#material-viewer")).isHidden();
			page.locator("#approve").click();
			assertThat(page.locator("#request-status")).hasText("待复核");
		}

		try (BrowserContext reviewer2 = desktop()) {
			Page page = signIn(reviewer2, "reviewer2");
			page.navigate(api.baseUrl() + "/ops/card-changes/" + id);
			assertThat(page.locator("#approve")).hasText("复核通过");
			page.locator("#approve").click();
			assertThat(page.locator("#request-status")).hasText(java.util.regex.Pattern.compile("待生效|已生效"));
		}

		try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = signIn(phone, merchant.owner());
			await().atMost(Duration.ofSeconds(5)).until(() -> driver.status(id).equals("EFFECTIVE"));
			page.navigate(api.baseUrl() + "/settlement-card");
			assertThat(page.locator("#current-card")).hasText(masked);
			assertThat(page.locator("#previous-title")).isVisible();
			assertThat(page.locator("article[aria-labelledby=previous-title]"))
				.containsText(merchant.currentCard().substring(15));
			assertThat(page.locator("article[aria-labelledby=previous-title]")).containsText("解绑于");
			assertThat(page.locator("#tab-me .tab-badge")).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(5000));
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("merchant-after-change")).setFullPage(true));
		}
	}

	private BrowserContext desktop() {
		// a laptop's screen: the queue's risk and wait columns must show without scrolling sideways
		return browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"));
	}

	private Page signIn(BrowserContext context, String username) {
		Page page = context.newPage();
		page.onDialog(dialog -> dialog.accept());
		page.navigate(api.baseUrl() + "/login");
		page.locator("#username").fill(username);
		page.locator("#password").fill(ApiClient.DEMO_PASSWORD);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForLoadState();
		return page;
	}
}
