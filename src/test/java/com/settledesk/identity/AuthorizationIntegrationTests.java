package com.settledesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

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
			"admin", Map.of(MERCHANT_API, 403, OPS_API, 200, ADMIN_API, 200, AUDIT_API, 200, ACQUIRING_API, 403),
			"gateway", Map.of(MERCHANT_API, 403, OPS_API, 403, ADMIN_API, 403, AUDIT_API, 403, ACQUIRING_API, 200));

	@Autowired
	ApiClient api;

	@Test
	void each_role_reaches_exactly_its_own_areas() {
		MATRIX.forEach((user, areas) -> {
			String token = api.token(user);
			areas.forEach((path, expected) -> assertThat(api.get(path, token).status())
				.as("%s GET %s", user, path).isEqualTo(expected));
		});
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
