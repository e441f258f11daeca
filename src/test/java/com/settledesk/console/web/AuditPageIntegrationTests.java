package com.settledesk.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

@IntegrationTest
class AuditPageIntegrationTests {

	@Autowired
	ApiClient api;

	@Test
	void only_administrators_see_the_audit_chain_page() {
		assertThat(page("admin").status()).isEqualTo(200);
		assertThat(page("admin").body()).contains("id=\"audit-entries\"").contains("审计链");
		for (String other : new String[] { "finance1", "reviewer1", "agent1" }) {
			assertThat(page(other).status()).as(other).isEqualTo(403);
		}
		var post = api.send(api.builder("/api/v1/ops/audit/verification", api.token("finance1")).GET());
		assertThat(post.status()).isEqualTo(403);
	}

	private ApiClient.Response page(String user) {
		return api.send(api.builder("/ops/audit", null).header("Cookie", api.webLogin(user)).header("Accept", "text/html")
			.GET());
	}
}
