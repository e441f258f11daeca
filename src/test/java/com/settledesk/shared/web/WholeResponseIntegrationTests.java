package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

import tools.jackson.databind.ObjectMapper;

/** Answers leave whole, with a Content-Length, rather than committed early and chunked by a converter's flush. */
@IntegrationTest
class WholeResponseIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void a_json_answer_a_problem_and_a_page_carry_a_content_length_and_are_not_chunked() {
		for (var response : new ApiClient.Response[] { api.get("/actuator/health", null),
				api.get("/api/v1/ops/summary", api.token("admin")), api.get("/api/v1/ops/summary", "not.a.token"),
				api.send(api.builder("/login", null).header("Accept", "text/html").GET()) }) {
			assertThat(response.header("Transfer-Encoding")).isNull();
			assertThat(Integer.parseInt(response.header("Content-Length")))
				.isEqualTo(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
		}
	}

	@Test
	void an_answer_larger_than_the_containers_buffer_still_arrives_complete() {
		var docs = api.get("/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().length()).isGreaterThan(16 * 1024);
		assertThat(new ObjectMapper().readTree(docs.body()).get("paths").size()).isGreaterThan(50);
	}
}
