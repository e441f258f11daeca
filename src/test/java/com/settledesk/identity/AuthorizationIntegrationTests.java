package com.settledesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

/** Every role against every area: who gets in (2xx) and who is turned away (403), and nobody without a token. */
@IntegrationTest
class AuthorizationIntegrationTests {

	private static final String MERCHANT_API = "/api/v1/merchant/profile";
	private static final String OPS_API = "/api/v1/ops/summary";
	private static final String ADMIN_API = "/api/v1/ops/users";
	private static final String AUDIT_API = "/api/v1/ops/audit/verification";
	private static final String ACQUIRING_API = "/api/v1/acquiring/terminals/T100000001";

	/** user → area → expected status. */
	private static final Map<String, Map<String, Integer>> MATRIX = Map.of(
			"13800000001", Map.of(MERCHANT_API, 200, OPS_API, 403, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 403),
			"13800000002", Map.of(MERCHANT_API, 200, OPS_API, 403, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 403),
			"reviewer1", Map.of(MERCHANT_API, 403, OPS_API, 200, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 403),
			"reviewer2", Map.of(MERCHANT_API, 403, OPS_API, 200, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 403),
			"agent1", Map.of(MERCHANT_API, 403, OPS_API, 200, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 403),
			"finance1", Map.of(MERCHANT_API, 403, OPS_API, 200, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 403),
			"admin", Map.of(MERCHANT_API, 403, OPS_API, 200, ADMIN_API, 200, AUDIT_API, 200, ACQUIRING_API, 403),
			"gateway", Map.of(MERCHANT_API, 403, OPS_API, 403, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 200));

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void each_role_reaches_exactly_its_own_areas() {
		MATRIX.forEach((user, areas) -> {
			String token = api.token(user);
			areas.forEach((path, expected) -> assertThat(api.get(path, token).status())
				.as("%s GET %s", user, path).isEqualTo(expected));
		});
	}

	/** What a cashier may see is written in README: the shop and its transactions, never money, card or documents. */
	@Test
	void a_cashier_sees_transactions_but_not_money_card_or_documents() {
		String cashier = api.token("13800000002");
		assertThat(api.get("/api/v1/merchant/transactions", cashier).status()).isEqualTo(200);
		assertThat(api.get("/api/v1/merchant/profile", cashier).status()).isEqualTo(200);
		for (String path : List.of("/api/v1/merchant/balance", "/api/v1/merchant/payouts",
				"/api/v1/merchant/settlement-account", "/api/v1/merchant/settlement-card/change-requests",
				"/api/v1/merchant/statements/2026-11-01", "/api/v1/merchant/receipts", "/api/v1/merchant/fee-disputes")) {
			assertThat(api.get(path, cashier).status()).as(path).isEqualTo(403);
		}
		assertThat(api.get("/api/v1/merchant/balance", api.token("13800000001")).status()).isEqualTo(200);
	}

	@Test
	void change_requests_and_their_materials_are_for_reviewers_and_admin_only() {
		String queue = "/api/v1/ops/settlement-card/change-requests";
		String material = "/api/v1/ops/attachments/" + UUID.randomUUID();
		for (String reviewer : List.of("reviewer1", "reviewer2", "admin")) {
			assertThat(api.get(queue, api.token(reviewer)).status()).as(reviewer).isEqualTo(200);
			assertThat(api.get(material, api.token(reviewer)).status()).as(reviewer).isEqualTo(404);
		}
		for (String other : List.of("agent1", "finance1")) {
			assertThat(api.get(queue, api.token(other)).status()).as(other).isEqualTo(403);
			assertThat(api.get(material, api.token(other)).status()).as(other).isEqualTo(403);
		}
	}

	@Test
	void fee_disputes_are_answered_by_finance_and_admin_only() {
		String answer = "/api/v1/ops/fee-disputes/" + UUID.randomUUID() + "/resolution";
		for (String other : List.of("reviewer1", "reviewer2", "agent1")) {
			assertThat(api.post(answer, Map.of("resolution", "ok"), api.token(other)).status()).as(other).isEqualTo(403);
		}
		for (String money : List.of("finance1", "admin")) {
			assertThat(api.post(answer, Map.of("resolution", "ok"), api.token(money)).status()).as(money).isEqualTo(404);
		}
	}

	@Test
	void settlement_runs_on_demand_are_for_finance_and_admin_and_are_audited() {
		String runs = "/api/v1/ops/settlement/runs";
		for (String other : List.of("reviewer1", "agent1")) {
			assertThat(api.post(runs, Map.of("mode", "T1"), api.token(other)).status()).as(other).isEqualTo(403);
		}
		long before = audited("SETTLEMENT_RUN_REQUESTED", "finance1");
		assertThat(api.post(runs, Map.of("mode", "D0"), api.token("finance1")).status()).isEqualTo(200);
		assertThat(audited("SETTLEMENT_RUN_REQUESTED", "finance1")).isEqualTo(before + 1);
	}

	private long audited(String action, String actor) {
		return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = :a AND actor = :actor").param("a", action)
			.param("actor", actor).query(Long.class).single();
	}

	@Test
	void without_a_token_every_area_answers_401_as_problem_json() {
		for (String path : List.of(MERCHANT_API, OPS_API, ADMIN_API, AUDIT_API, ACQUIRING_API, "/api/v1/unknown")) {
			var response = api.get(path, null);
			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.contentType()).as(path).startsWith("application/problem+json");
		}
	}

	@Test
	void a_path_outside_every_area_is_denied_even_with_a_token() {
		assertThat(api.get("/api/v2/anything", api.token("admin")).status()).isEqualTo(403);
	}

	@Test
	void a_merchant_user_sees_only_its_own_merchant() {
		var owner1 = api.get(MERCHANT_API, api.token("13800000001")).json();
		var owner2 = api.get(MERCHANT_API, api.token("13900000001")).json();
		assertThat(owner1.get("merchantNo").asString()).isEqualTo("822100058120001");
		assertThat(owner2.get("merchantNo").asString()).isEqualTo("822310058120002");
	}

	@Test
	void operator_pages_and_merchant_pages_are_separated_in_the_web() {
		// Without a session the web redirects to the login page rather than showing anything.
		var ops = api.send(api.builder("/ops", null).header("Accept", "text/html").GET());
		var portal = api.send(api.builder("/", null).header("Accept", "text/html").GET());
		assertThat(ops.status()).isEqualTo(302);
		assertThat(ops.header("Location")).endsWith("/login");
		assertThat(portal.status()).isEqualTo(302);
	}
}
