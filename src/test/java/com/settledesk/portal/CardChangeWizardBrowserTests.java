package com.settledesk.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.settledesk.settlementaccount.BankCardNumbers;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The change wizard on a 390 px phone: field errors, live bank recognition, materials, code, confirmation. */
@IntegrationTest
class CardChangeWizardBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Test
	void a_merchant_changes_the_card_on_a_phone_from_a_luhn_error_to_the_confirmation() {
		var merchant = fixtures.individual();
		String newCard = MerchantFixtures.icbcCard();
		String luhnBroken = newCard.substring(0, 18) + (char) ('0' + (newCard.charAt(18) - '0' + 1) % 10);
		String credit = "356390000000000";
		credit += BankCardNumbers.luhnCheckDigit(credit);

		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.locator("#tab-me").click();
			page.locator("#me-settlement-card").click();
			page.locator("#start-change").click();

			page.locator("#accountNumber").fill(credit);
			assertThat(page.locator("#bin-result .field-error")).hasCount(1);
			assertThat(page.locator("#bin-result")).containsText("结算卡只能使用借记卡");
			assertThat(page.locator("#accountNumber")).hasAttribute("aria-invalid", "true");

			page.locator("#accountNumber").fill(luhnBroken);
			assertThat(page.locator("#bin-result .field-error")).hasText("卡号校验位不正确，请检查是否输错。");
			assertThat(page.locator("#bin-result .badge")).hasCount(0);
			page.locator("#holderIdNumber").fill(merchant.legalId());
			page.locator("#reservedPhone").fill(merchant.phone());
			page.locator("#details-next").click();
			assertThat(page.locator("#accountNumber-error")).hasText("卡号校验位不正确，请检查是否输错。");
			assertThat(page.locator("#accountNumber")).hasValue(luhnBroken);
			assertThat(page.locator("#holderIdNumber")).hasValue(merchant.legalId());
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("wizard-luhn-error")).setFullPage(true));

			page.locator("#accountNumber").fill(newCard);
			page.locator("#details-next").click();
			assertThat(page).hasURL(Pattern.compile(".*/settlement-card/change/materials$"));
			for (String kind : new String[] { "ID_FRONT", "ID_BACK", "CARD_FRONT" }) {
				page.locator("#file-" + kind).setInputFiles(new FilePayload(kind + ".png", "image/png", MerchantFixtures.png()));
				assertThat(page.locator("#upload-" + kind + " img.preview")).isVisible();
			}
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("wizard-materials")).setFullPage(true));

			page.locator("#materials-next").click();
			assertThat(page.locator("#confirm-card")).hasText(newCard.substring(0, 6) + "*********" + newCard.substring(15));
			assertThat(page.locator("#confirm-old-card")).hasText(merchant.currentCard().substring(0, 6) + "*********"
					+ merchant.currentCard().substring(15));
			assertThat(page.locator("#confirm-when")).containsText("生效");
			assertThat(page.locator("#confirm-fee")).isVisible();
			assertThat(page.locator("#confirm-in-flight")).containsText("已发往银行的出款仍到原卡");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("wizard-confirm")).setFullPage(true));
			page.locator("#send-code").click();
			assertThat(page.locator("#code-result")).containsText("验证码已发送");
			assertThat(page.locator("#send-code")).isDisabled();
			assertThat(page.locator("#send-code")).hasText(Pattern.compile("重新获取（[0-9]+ 秒）"));
			page.locator("#otp").fill(fixtures.latestCode(merchant.phone()));
			page.locator("#submit-change").click();

			assertThat(page.locator("#change-done")).isVisible();
			assertThat(page.locator("#request-status")).hasText("待审核");
			assertThat(page.locator("#review-expected")).containsText("小时内完成审核");
			assertThat(page.locator("#request-timeline li").first()).containsText("已提交");
			String donePage = page.url();
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("wizard-confirmation")).setFullPage(true));

			page.locator("#to-card-page").click();
			assertThat(page.locator("#open-request")).containsText(newCard.substring(15));
			assertThat(page.locator("#open-status")).hasText("待审核");
			assertThat(page.locator("#current-card")).containsText(merchant.currentCard().substring(15));
			org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain(newCard);
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("settlement-card-page")).setFullPage(true));
			page.locator("#tab-home").click();
			assertThat(page.locator("#card-change-open")).hasText("变更中：待审核");

			page.navigate(donePage);
			String id = donePage.substring(donePage.lastIndexOf('/') + 1);
			org.assertj.core.api.Assertions.assertThat(api.post("/api/v1/merchant/settlement-card/change-requests/" + id
					+ "/cancel", null, api.token(merchant.owner())).status()).isEqualTo(200);
			assertThat(page.locator("#request-status")).hasText("已撤销",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(10_000));
			assertThat(page.locator("#change-done h1")).hasText("变更申请已撤销");
			assertThat(page.locator("#review-expected")).hasCount(0);
			assertThat(page.locator("#request-timeline li").last()).containsText("已撤销");
		}
	}

	@Test
	void the_card_number_shows_only_the_current_message_a_credit_card_then_a_valid_debit_card() {
		var merchant = fixtures.individual();
		String credit = "356390000000000";
		credit += BankCardNumbers.luhnCheckDigit(credit);
		try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
			.setLocale("zh-CN"))) {
			Page page = context.newPage();
			signIn(page, api.baseUrl(), merchant.owner());
			page.navigate(api.baseUrl() + "/settlement-card/change");

			page.locator("#accountNumber").fill(credit);
			page.locator("#holderIdNumber").fill(merchant.legalId());
			page.locator("#reservedPhone").fill(merchant.phone());
			page.locator("#details-next").click();
			assertThat(page.locator("form .field-error")).hasCount(1);
			assertThat(page.locator("#accountNumber-error")).hasText("这是信用卡或准贷记卡，结算卡只能使用借记卡。");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("wizard-credit-card")).setFullPage(true));

			page.locator("#accountNumber").fill(MerchantFixtures.icbcCard());
			assertThat(page.locator("#bin-result .badge")).hasText("借记卡");
			assertThat(page.locator("#bin-result")).containsText("中国工商银行");
			assertThat(page.locator("form .field-error")).hasCount(0);
			assertThat(page.locator("#accountNumber")).not().hasAttribute("aria-invalid", "true");
			org.assertj.core.api.Assertions.assertThat(page.content()).doesNotContain("{0}", "??");
			page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("wizard-valid-card")).setFullPage(true));
		}
	}
}
