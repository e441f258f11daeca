package com.settledesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MutableClock;

@IntegrationTest
class AuthenticationIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	UserAccounts users;

	@Autowired
	MutableClock clock;

	@Test
	void a_demo_user_gets_a_short_lived_bearer_token() {
		var response = api.post("/api/v1/auth/token", Map.of("username", "13800000001", "password", "Demo@2026"), null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("tokenType").asString()).isEqualTo("Bearer");
		assertThat(response.json().get("expiresIn").asLong()).isBetween(60L, 3600L);
		var profile = api.get("/api/v1/merchant/profile", response.json().get("accessToken").asString());
		assertThat(profile.status()).isEqualTo(200);
	}

	@Test
	void users_registered_together_each_sign_in_and_one_invalid_among_them_registers_none() {
		String prefix = "team" + UUID.randomUUID().toString().substring(0, 6);
		users.registerAll(java.util.List.of(new UserRegistration(prefix + "a", "Team2026pass", "甲", Role.AGENT, null),
				new UserRegistration(prefix + "b", "Team2026pass", "乙", Role.FINANCE, null)));
		for (String name : new String[] { prefix + "a", prefix + "b" }) {
			assertThat(api.post("/api/v1/auth/token", Map.of("username", name, "password", "Team2026pass"), null).status())
				.isEqualTo(200);
		}
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> users.registerAll(java.util.List.of(
				new UserRegistration(prefix + "c", "Team2026pass", "丙", Role.AGENT, null),
				new UserRegistration(prefix + "d", "weak", "丁", Role.AGENT, null)))))
			.isInstanceOf(com.settledesk.shared.ValidationFailedException.class);
		assertThat(users.exists(prefix + "c")).as("none of them").isFalse();
	}

	@Test
	void a_wrong_password_and_an_unknown_user_get_the_same_answer() {
		var wrongPassword = api.post("/api/v1/auth/token", Map.of("username", "reviewer1", "password", "nope-2026"), null);
		var unknownUser = api.post("/api/v1/auth/token", Map.of("username", "nobody-" + UUID.randomUUID(), "password", "nope-2026"), null);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(wrongPassword.json().get("detail")).isEqualTo(unknownUser.json().get("detail"));
		assertThat(wrongPassword.json().get("code").asString()).isEqualTo("BAD_CREDENTIALS");
	}

	@Test
	void five_failures_lock_the_account_even_for_the_right_password_until_fifteen_minutes_pass() {
		String username = "locktest" + UUID.randomUUID().toString().substring(0, 8);
		users.register(new UserRegistration(username, "Right2026pass", "Lock test", Role.AGENT, null));

		for (int i = 0; i < 5; i++) {
			assertThat(login(username, "wrong-" + i).status()).as("failure %d", i + 1).isEqualTo(401);
		}
		var locked = login(username, "Right2026pass");
		assertThat(locked.status()).isEqualTo(423);
		assertThat(locked.body()).doesNotContain("password").doesNotContain("密码不正确");

		clock.advance(Duration.ofMinutes(14));
		assertThat(login(username, "Right2026pass").status()).isEqualTo(423);
		clock.advance(Duration.ofMinutes(2));
		assertThat(login(username, "Right2026pass").status()).isEqualTo(200);
	}

	@Test
	void a_lock_looks_the_same_for_a_name_that_does_not_exist() {
		String nobody = "ghost" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < 5; i++) {
			login(nobody, "wrong");
		}
		assertThat(login(nobody, "wrong").status()).isEqualTo(423);
	}

	@Test
	void a_tampered_or_expired_token_is_refused() {
		String token = api.token("agent1");
		String tampered = token.substring(0, token.length() - 3) + (token.endsWith("AAA") ? "BBB" : "AAA");
		assertThat(api.get("/api/v1/ops/summary", tampered).status()).isEqualTo(401);

		String fresh = login("agent1", "Demo@2026").json().get("accessToken").asString();
		assertThat(api.get("/api/v1/ops/summary", fresh).status()).isEqualTo(200);
		clock.advance(Duration.ofMinutes(20));
		assertThat(api.get("/api/v1/ops/summary", fresh).status()).isEqualTo(401);
	}

	private ApiClient.Response login(String username, String password) {
		return api.post("/api/v1/auth/token", Map.of("username", username, "password", password), null);
	}
}
