package com.settledesk.integration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.Browsers;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** The owner registers a webhook on a phone, copies the secret shown once, sends a test and reads the log. */
@IntegrationTest
class WebhookPagesBrowserTests extends Browsers {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void an_owner_registers_an_endpoint_sees_the_secret_once_and_a_test_delivery_in_the_log() {
		WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
		receiver.start();
		try {
			receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
			var merchant = fixtures.individual();
			try (BrowserContext phone = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setLocale("zh-CN"))) {
				Page page = phone.newPage();
				signIn(page, api.baseUrl(), merchant.owner());
				page.navigate(api.baseUrl() + "/settings/notices");
				page.locator("#to-webhooks").click();
				page.locator("#url").fill("ftp://nowhere");
				page.locator("#add-endpoint").click();
				assertThat(page.locator(".field-error").first()).isVisible();
				page.locator("#url").fill(receiver.baseUrl() + "/hook");
				page.locator("input[value='ticket.status_changed']").check();
				page.locator("#add-endpoint").click();
				assertThat(page.locator("#new-secret")).containsText("whsec_");
				page.reload();
				assertThat(page.locator("#secret-once")).hasCount(0);
				page.locator(".endpoint .ping").first().click();
				await().atMost(Duration.ofSeconds(15)).until(() -> {
					dispatcher.dispatch();
					return !receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).isEmpty();
				});
				await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
					page.reload();
					page.locator(".endpoint details summary").first().click();
					assertThat(page.locator(".delivery").first()).containsText("已送达");
				});
				page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("webhooks-390")).setFullPage(true));
				Object wider = page.evaluate("() => document.documentElement.scrollWidth > window.innerWidth");
				org.assertj.core.api.Assertions.assertThat(wider).isEqualTo(false);

				// disabled after failing for too long (as the dispatcher does), then enabled again by the owner
				jdbc.sql("UPDATE webhook_endpoint SET status = 'DISABLED' WHERE merchant_id = :m")
					.param("m", merchant.profile().id().value()).update();
				page.reload();
				assertThat(page.locator(".endpoint .badge").first()).containsText("已停用");
				page.screenshot(new Page.ScreenshotOptions().setPath(screenshot("webhooks-disabled-390")).setFullPage(true));
				page.locator(".endpoint .enable").first().click();
				assertThat(page.locator("#webhooks-done")).containsText("重新启用");
				assertThat(page.locator(".endpoint .badge").first()).containsText("正常");
				assertThat(page.locator(".endpoint .enable")).hasCount(0);
			}
		}
		finally {
			receiver.stop();
		}
	}
}
