package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.IntegrationTest;

/** Every failure is application/problem+json with a code, a title and a detail, and never internals. */
@IntegrationTest
class ProblemDetailsIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void unauthenticated_is_401() {
		assertProblem(api.get("/api/v1/merchant/profile", null), 401, "UNAUTHORIZED");
	}

	@Test
	void a_role_that_may_not_is_403() {
		assertProblem(api.get("/api/v1/ops/users", api.token("reviewer1")), 403, "FORBIDDEN");
	}

	@Test
	void an_unknown_resource_is_404() {
		assertProblem(api.get("/api/v1/acquiring/terminals/NOPE0001", api.token("gateway")), 404, "NOT_FOUND");
		assertProblem(api.get("/api/v1/merchant/no-such-thing", api.token("13800000001")), 404, "NOT_FOUND");
	}

	@Test
	void requests_the_container_refuses_are_400_problem_json_not_its_html_page() {
		String token = api.token("13800000001");
		for (String path : java.util.List.of("/api/v1/merchant/a%00b", "/api/v1/merchant/a%2Fb", "/a%2F..%2Fb")) {
			Response response = api.get(path, token);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
			assertThat(response.body()).as(path).doesNotContain("<html", "Tomcat", "Exception");
		}
		Response hugeHeader = api.send(api.builder("/api/v1/merchant/profile", token).header("X-Filler", "a".repeat(20_000))
			.GET());
		assertThat(hugeHeader.status()).isEqualTo(400);
		assertThat(hugeHeader.contentType()).startsWith("application/problem+json");
	}

	@Test
	void over_long_notes_and_reasons_are_422_naming_the_field_not_a_conflict() {
		String admin = api.token("admin");
		Response hold = api.post("/api/v1/ops/payouts/holds", Map.of("merchantNo", "822100058120001", "reason", "x".repeat(301)),
				admin);
		assertProblem(hold, 422, "VALIDATION_FAILED");
		assertThat(hold.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
		assertThat(hold.json().get("errors").get(0).get("code").asString()).isEqualTo("TOO_LONG");
	}

	@Test
	void retrying_an_unknown_payout_is_404() {
		assertProblem(api.post("/api/v1/ops/payouts/" + UUID.randomUUID() + "/retry", Map.of(), api.token("finance1")), 404,
				"NOT_FOUND");
	}

	@Test
	void the_api_description_does_not_offer_the_signed_in_user_as_a_parameter() {
		String docs = api.get("/v3/api-docs", null).body();
		assertThat(docs).doesNotContain("CurrentUser").doesNotContain("\"name\":\"user\"");
	}

	@Test
	void a_wrong_method_is_405() {
		assertProblem(api.method("DELETE", "/api/v1/merchant/profile", api.token("13800000001")), 405, "METHOD_NOT_ALLOWED");
	}

	@Test
	void a_duplicate_is_409() {
		String username = "dup" + UUID.randomUUID().toString().substring(0, 8);
		Map<String, String> body = Map.of("username", username, "password", "Passw0rd2026", "displayName", "Dup",
				"role", "AGENT");
		assertThat(api.post("/api/v1/ops/users", body, api.token("admin")).status()).isEqualTo(201);
		assertProblem(api.post("/api/v1/ops/users", body, api.token("admin")), 409, "USERNAME_TAKEN");
	}

	@Test
	void failed_field_checks_are_422_with_a_code_and_message_per_field() {
		Response response = api.post("/api/v1/ops/users",
				Map.of("username", "x", "password", "short", "displayName", "Someone", "role", "AGENT"), api.token("admin"));
		assertProblem(response, 422, "VALIDATION_FAILED");
		var errors = response.json().get("errors");
		assertThat(errors.size()).isEqualTo(2);
		assertThat(errors.findValuesAsString("code")).containsExactlyInAnyOrder("INVALID_USERNAME", "WEAK_PASSWORD");
		assertThat(errors.findValuesAsString("field")).containsExactlyInAnyOrder("username", "password");
		assertThat(errors.get(0).get("message").asString()).isNotBlank();
	}

	@Test
	void a_missing_required_field_is_422_too() {
		Response response = api.post("/api/v1/card-bins/lookup", Map.of(), api.token("13800000001"));
		assertProblem(response, 422, "VALIDATION_FAILED");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("cardNumber");
	}

	@Test
	void malformed_json_is_400_without_parser_details() {
		Response response = api.postRaw("/api/v1/auth/token", "{\"username\": \"a\", \"password\": ", null);
		assertProblem(response, 400, "MALFORMED_REQUEST");
		assertThat(response.body()).doesNotContain("Jackson").doesNotContain("line:").doesNotContain("column");
	}

	@Test
	void an_unexpected_failure_is_500_without_stack_trace_sql_or_class_names() {
		Response response = api.get("/api/v1/ops/test-only/failure", api.token("admin"));
		assertProblem(response, 500, "INTERNAL_ERROR");
		assertThat(response.body()).doesNotContain("SELECT").doesNotContain("com.settledesk")
			.doesNotContain("Exception").doesNotContain("at ");
		assertThat(response.json().get("requestId").asString()).isNotBlank();
	}

	@Test
	void titles_follow_the_callers_language() {
		var chinese = api.send(api.builder("/api/v1/merchant/profile", null).header("Accept-Language", "zh-CN").GET());
		var english = api.send(api.builder("/api/v1/merchant/profile", null).header("Accept-Language", "en").GET());
		assertThat(chinese.json().get("title").asString()).isEqualTo("未认证");
		assertThat(english.json().get("title").asString()).isEqualTo("Unauthorized");
	}

	private static void assertProblem(Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		var json = response.json();
		assertThat(json.get("status").asInt()).isEqualTo(status);
		assertThat(json.get("code").asString()).isEqualTo(code);
		assertThat(json.get("title").asString()).isNotBlank();
		assertThat(json.get("detail").asString()).isNotBlank();
		assertThat(json.get("type").asString()).isNotBlank();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("trace");
	}
}
