package com.settledesk.verification.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.settledesk.verification.FourElements;
import com.settledesk.verification.VerificationOutcome;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP four-element adapter against a real HTTP server that plays the provider (WireMock). */
@ExtendWith(OutputCaptureExtension.class)
class HttpVerificationProviderIntegrationTests {

	private static final String CARD = "6222024000777888997";
	private static final String SECRET = "provider-test-signing-secret";
	private static final FourElements ELEMENTS = new FourElements("张三", "110101199003070011", CARD, "13800000001");

	private final WireMockServer provider = new WireMockServer(wireMockConfig().dynamicPort());
	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	private HttpVerificationProvider adapter;

	@BeforeEach
	void start() {
		provider.start();
		adapter = new HttpVerificationProvider(new VerificationProviderProperties("http://127.0.0.1:" + provider.port(),
				"key-1", SECRET, Duration.ofMillis(300), 2, Duration.ofSeconds(30)), new StandardEnvironment(),
				JsonMapper.builder().build(), Clock.systemUTC(), meters);
	}

	@AfterEach
	void stop() {
		provider.stop();
	}

	@Test
	void a_signed_request_carries_the_four_elements_and_each_answer_maps_to_its_outcome() {
		for (var answer : new String[][] { { "CONSISTENT", "MATCH" }, { "INCONSISTENT", "MISMATCH" },
				{ "CARD_INVALID", "CARD_CLOSED" } }) {
			provider.resetAll();
			answers(200, "{\"requestId\":\"r\",\"result\":\"" + answer[0] + "\"}", 0);
			assertThat(adapter.verify(ELEMENTS)).hasToString(answer[1]);
		}
		provider.verify(postRequestedFor(urlEqualTo(HttpVerificationProvider.PATH))
			.withHeader("X-Api-Key", equalTo("key-1"))
			.withRequestBody(matchingJsonPath("$.cardNumber", equalTo(CARD)))
			.withRequestBody(matchingJsonPath("$.idNumber", equalTo("110101199003070011")))
			.withRequestBody(matchingJsonPath("$.mobile", equalTo("13800000001"))));
		LoggedRequest sent = provider.getAllServeEvents().get(0).getRequest();
		assertThat(ProviderSignature.matches(SECRET, sent.getHeader("X-Timestamp"), sent.getHeader("X-Nonce"),
				sent.getBodyAsString(), sent.getHeader("X-Signature"))).as("signature over timestamp, nonce and body").isTrue();
		assertThat(ProviderSignature.matches("another-secret", sent.getHeader("X-Timestamp"), sent.getHeader("X-Nonce"),
				sent.getBodyAsString(), sent.getHeader("X-Signature"))).isFalse();
	}

	@Test
	void a_slow_provider_is_asked_again_once_then_the_check_stays_pending() {
		answers(200, "{\"result\":\"CONSISTENT\"}", 1000);
		assertThat(adapter.verify(ELEMENTS)).isEqualTo(VerificationOutcome.TIMEOUT);
		// WireMock logs a request when its delayed answer is done, after the adapter gave up waiting for it.
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(provider.getAllServeEvents()).hasSize(2));
		assertThat(meters.counter("settledesk.outside.calls", "party", "verification", "outcome", "TIMEOUT").count())
			.isEqualTo(1);
	}

	@Test
	void a_malformed_or_refused_answer_is_not_asked_again_and_leaves_the_check_pending() {
		answers(200, "<html>gateway error</html>", 0);
		assertThat(adapter.verify(ELEMENTS)).isEqualTo(VerificationOutcome.TIMEOUT);
		answers(200, "{\"result\":\"SOMETHING_NEW\"}", 0);
		assertThat(adapter.verify(ELEMENTS)).isEqualTo(VerificationOutcome.TIMEOUT);
		answers(500, "{}", 0);
		assertThat(adapter.verify(ELEMENTS)).isEqualTo(VerificationOutcome.TIMEOUT);
		assertThat(provider.getAllServeEvents()).hasSize(3);
		assertThat(adapter.health().getDetails()).containsEntry("lastProblem", "HTTP 500");
	}

	@Test
	void after_repeated_failures_the_provider_is_rested_and_not_called_at_all() {
		answers(503, "{}", 0);
		for (int i = 0; i < 5; i++) {
			adapter.verify(ELEMENTS);
		}
		assertThat(adapter.health().getStatus().getCode()).isEqualTo("DEGRADED");
		int sent = provider.getAllServeEvents().size();
		assertThat(adapter.verify(ELEMENTS)).isEqualTo(VerificationOutcome.TIMEOUT);
		assertThat(provider.getAllServeEvents()).hasSize(sent);
	}

	@Test
	void no_card_or_id_number_reaches_a_log_line(CapturedOutput output) {
		answers(200, "{\"result\":\"INCONSISTENT\"}", 0);
		adapter.verify(ELEMENTS);
		answers(500, "{}", 0);
		adapter.verify(ELEMENTS);
		assertThat(output.getAll()).contains("622202").doesNotContain(CARD).doesNotContain("110101199003070011");
	}

	private void answers(int status, String body, int delayMillis) {
		provider.stubFor(post(urlEqualTo(HttpVerificationProvider.PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json").withBody(body).withFixedDelay(delayMillis)));
	}
}
