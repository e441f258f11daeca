package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperabilityIntegrationTests {

	private static final String CARD = "6222024000123456788";
	private static final String ID = "110101199003070011";

	@Autowired
	ApiClient api;

	@Autowired
	LoggingSystem logging;

	@Test
	void static_files_are_linked_by_content_hash_cached_a_year_as_immutable_and_compressed_while_pages_are_not_cached() {
		var login = api.get("/login", null);
		assertThat(login.header("Cache-Control")).contains("no-store");
		assertThat(login.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
		assertThat(login.header("Permissions-Policy")).contains("camera=()");
		var asset = java.util.regex.Pattern.compile("/webjars/picocss__pico/[^\"]*-[0-9a-f]{32}\\.css").matcher(login.body());
		assertThat(asset.find()).as("hashed stylesheet link").isTrue();
		var css = api.send(api.builder(asset.group(), null).header("Accept-Encoding", "gzip").GET());
		assertThat(css.status()).isEqualTo(200);
		assertThat(css.header("Cache-Control")).contains("max-age=31536000", "immutable", "public");
		assertThat(css.header("Content-Encoding")).isEqualTo("gzip");
		assertThat(css.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(css.header("Permissions-Policy")).contains("camera=()");
		assertThat(css.header("Set-Cookie")).isNull();
		assertThat(css.header("Last-Modified")).as("a hashed URL never needs revalidating").isNull();
		assertThat(api.get("/api/v1/merchant/profile", null).header("Referrer-Policy")).isNotBlank();
		for (String own : List.of("/css/app-[0-9a-f]{32}\\.css", "/js/app-[0-9a-f]{32}\\.js")) {
			var link = java.util.regex.Pattern.compile(own).matcher(login.body());
			assertThat(link.find()).as(own).isTrue();
			assertThat(api.get(link.group(), null).status()).as(link.group()).isEqualTo(200);
		}
	}

	@Test
	void health_is_public_and_up() {
		var health = api.get("/actuator/health", null);
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			var answer = api.get(probe, null);
			assertThat(answer.status()).as(probe).isEqualTo(200);
			assertThat(answer.json().get("status").asString()).isEqualTo("UP");
			assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
			assertThat(answer.header("Set-Cookie")).isNull();
		}
	}

	@Test
	void the_openapi_description_and_swagger_ui_are_served() {
		var docs = api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.json().get("paths").has("/api/v1/auth/token")).isTrue();
		assertThat(docs.json().get("paths").has("/api/v1/merchant/profile")).isTrue();
		assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
	}

	@Test
	void administrators_see_each_outside_party_adapter_in_the_health_details_others_only_the_status() {
		var admin = api.get("/actuator/health", api.token("admin"));
		assertThat(admin.json().get("components").get("httpVerificationProvider").get("details").has("circuit")).isTrue();
		assertThat(api.get("/actuator/health", null).json().has("components")).isFalse();
	}

	@Test
	void prometheus_metrics_are_served_to_administrators_only() {
		assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
		assertThat(api.get("/actuator/prometheus", api.token("reviewer1")).status()).isEqualTo(403);
		var metrics = api.get("/actuator/prometheus", api.token("admin"));
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("http_server_requests_seconds");
	}

	@Test
	void every_response_carries_a_request_id_and_a_sane_given_one_is_kept() {
		assertThat(api.get("/actuator/health", null).header("X-Request-Id")).isNotBlank();
		var given = api.send(api.builder("/actuator/health", null).header("X-Request-Id", "caller-req-12345").GET());
		assertThat(given.header("X-Request-Id")).isEqualTo("caller-req-12345");
		var forged = api.send(api.builder("/actuator/health", null).header("X-Request-Id", "bad id\twith junk").GET());
		assertThat(forged.header("X-Request-Id")).isNotEqualTo("bad id\twith junk");
	}

	@Test
	void requests_carrying_card_and_id_numbers_leave_no_full_number_in_the_log(CapturedOutput output) {
		LogLevel web = logging.getLoggerConfigurations().stream()
			.filter(c -> c.getName().equals("org.springframework.web")).findFirst()
			.map(c -> c.getConfiguredLevel()).orElse(null);
		logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
		logging.setLogLevel("com.settledesk", LogLevel.DEBUG);
		try {
			api.post("/api/v1/card-bins/lookup", Map.of("cardNumber", CARD), api.token("13800000001"));
			api.post("/api/v1/auth/token", Map.of("username", CARD, "password", ID), null);
			api.postRaw("/api/v1/auth/token", "{\"username\":\"" + CARD + "\",\"password\":" + ID, null);
			api.post("/api/v1/ops/users", Map.of("username", CARD, "password", ID, "displayName", ID, "role", "AGENT"),
					api.token("admin"));
		}
		finally {
			logging.setLogLevel("org.springframework.web", web);
			logging.setLogLevel("com.settledesk", null);
		}
		assertThat(output.getAll()).contains("card-bins/lookup");
		assertThat(output.getAll()).doesNotContain(CARD).doesNotContain(ID);
	}
}
