package com.settledesk.notification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.settledesk.notification.Channel;
import com.settledesk.notification.internal.MessageProvider.DeliveryFailedException;

import tools.jackson.databind.json.JsonMapper;

/** The Alibaba Cloud SMS adapter: the official SDK's real request, sent to a local server that plays the API. */
class AliyunSmsProviderIntegrationTests {

	private static final String TEMPLATE = "sms.otp.SETTLEMENT_CARD_CHANGE";

	private final WireMockServer aliyun = new WireMockServer(wireMockConfig().dynamicPort());
	private AliyunSmsProvider provider;

	@BeforeEach
	void start() throws Exception {
		aliyun.start();
		provider = new AliyunSmsProvider(new AliyunSmsProperties("127.0.0.1:" + aliyun.port(), "http", "test-key-id",
				"test-key-secret", "结算台", Map.of(TEMPLATE, "SMS_100001"), Duration.ofSeconds(2)), JsonMapper.builder().build());
	}

	@AfterEach
	void stop() {
		aliyun.stop();
	}

	@Test
	void the_sdk_sends_sign_name_template_code_and_parameters_signed_with_the_access_key() throws Exception {
		answers(200, "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}");
		String reference = provider.deliver(otp("13800000001"));
		assertThat(reference).isEqualTo("900619746936498440^0");
		LoggedRequest sent = aliyun.getAllServeEvents().get(0).getRequest();
		String everything = java.net.URLDecoder.decode(sent.getUrl() + "&" + sent.getBodyAsString(),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(sent.getHeader("x-acs-action")).isEqualTo("SendSms");
		assertThat(sent.getHeader("x-acs-version")).isEqualTo("2017-05-25");
		assertThat(everything).contains("PhoneNumbers=13800000001", "SignName=结算台", "TemplateCode=SMS_100001",
				"\"p1\":\"123456\"", "\"p2\":\"5\"");
		assertThat(sent.getHeader("Authorization")).startsWith("ACS3-HMAC-SHA256").contains("Credential=test-key-id")
			.doesNotContain("test-key-secret");
	}

	@Test
	void a_throttle_or_an_unreachable_api_may_succeed_later_an_illegal_number_never() {
		answers(200, "{\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"触发分钟级流控\"}");
		assertThatThrownBy(() -> provider.deliver(otp("13800000001"))).isInstanceOfSatisfying(DeliveryFailedException.class,
				e -> assertThat(e.permanent()).isFalse());
		answers(200, "{\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}");
		assertThatThrownBy(() -> provider.deliver(otp("1380000"))).isInstanceOfSatisfying(DeliveryFailedException.class,
				e -> assertThat(e.permanent()).isTrue());
		aliyun.stop();
		assertThatThrownBy(() -> provider.deliver(otp("13800000001"))).isInstanceOfSatisfying(DeliveryFailedException.class,
				e -> assertThat(e.permanent()).isFalse());
	}

	@Test
	void a_template_without_an_approved_code_is_never_sent_as_free_text() {
		var unknown = new OutgoingMessage(UUID.randomUUID(), "13800000001", Channel.SMS, "sms.unknown", List.of(),
				Locale.SIMPLIFIED_CHINESE, null, "text");
		assertThatThrownBy(() -> provider.deliver(unknown)).isInstanceOfSatisfying(DeliveryFailedException.class,
				e -> assertThat(e.permanent()).isTrue());
		assertThat(aliyun.getAllServeEvents()).isEmpty();
	}

	private static OutgoingMessage otp(String phone) {
		return new OutgoingMessage(UUID.randomUUID(), phone, Channel.SMS, TEMPLATE, List.of("123456", "5"),
				Locale.SIMPLIFIED_CHINESE, null, "【结算台】您正在变更结算卡，验证码 123456，5 分钟内有效。");
	}

	private void answers(int status, String body) {
		aliyun.resetAll();
		aliyun.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
			.withBody(body)));
	}
}
