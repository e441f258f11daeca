package com.settledesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MutableClock;

/** A bearer token follows its user's state: logout, a new password, a lock or a disabled account end it at once. */
@IntegrationTest
class TokenLifecycleIntegrationTests {

	private static final String PASSWORD = "Token@2026-secret";
	private static final String PROTECTED = "/api/v1/ops/summary";

	@Autowired
	ApiClient api;

	@Autowired
	UserAccounts users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretKey tokenSigningKey;

	@Autowired
	MutableClock clock;

	@Test
	void logout_revokes_the_token_used_and_leaves_the_users_other_tokens_working() {
		String username = newOperator();
		String first = login(username);
		String second = login(username);
		assertThat(api.post("/api/v1/auth/logout", Map.of(), first).status()).isEqualTo(204);
		assertThat(api.get(PROTECTED, first).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/logout", Map.of(), first).status()).isEqualTo(401);
		assertThat(api.get(PROTECTED, second).status()).isEqualTo(200);
	}

	@Test
	void a_token_issued_before_a_password_change_made_outside_this_instance_stops_working_within_a_second() {
		assertEndedWithinASecondBy(username -> jdbc.sql("UPDATE user_account SET password_changed_at = :at WHERE username = :u")
			.param("at", clock.instant().plusSeconds(2).atOffset(java.time.ZoneOffset.UTC)).param("u", username).update());
	}

	@Test
	void a_token_of_a_user_disabled_outside_this_instance_stops_working_within_a_second() {
		assertEndedWithinASecondBy(username -> jdbc.sql("UPDATE user_account SET enabled = FALSE WHERE username = :u")
			.param("u", username).update());
	}

	@Test
	void a_token_of_a_locked_user_stops_working_while_the_lock_lasts() {
		assertEndedBy(username -> {
			for (int i = 0; i < 5; i++) {
				api.post("/api/v1/auth/token", Map.of("username", username, "password", "wrong"), null);
			}
		});
	}

	@Test
	void a_token_without_expiry_or_with_malformed_claims_is_refused_with_401_not_500() {
		Instant now = clock.instant();
		UUID admin = jdbc.sql("SELECT id FROM user_account WHERE username = 'admin'").query(UUID.class).single();
		JwtClaimsSet.Builder valid = JwtClaimsSet.builder().issuer("settledesk").subject("admin").id(UUID.randomUUID().toString())
			.issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5))).claim("uid", admin.toString()).claim("role", "ADMIN")
			.claim("name", "admin");
		assertThat(api.get(PROTECTED, sign(valid.build())).status()).as("the forger holds the key").isEqualTo(200);

		JwtClaimsSet noExpiry = JwtClaimsSet.builder().issuer("settledesk").subject("admin").id(UUID.randomUUID().toString())
			.issuedAt(now).claim("uid", admin.toString()).claim("role", "ADMIN").build();
		assertThat(api.get(PROTECTED, sign(noExpiry)).status()).isEqualTo(401);
		for (Map.Entry<String, Object> bad : Map.<String, Object>of("uid", "not-a-uuid", "role", "KING", "mid", "x").entrySet()) {
			var response = api.get(PROTECTED, sign(valid.claim(bad.getKey(), bad.getValue()).build()));
			assertThat(response.status()).as(bad.getKey()).isEqualTo(401);
			assertThat(response.contentType()).startsWith("application/problem+json");
			valid.claim("uid", admin.toString()).claim("role", "ADMIN").claims(claims -> claims.remove("mid"));
		}
		assertThat(api.get(PROTECTED, "not.a.token").status()).isEqualTo(401);
	}

	/** A change made through this instance ends a token already checked (and remembered as valid) at once. */
	private void assertEndedBy(Consumer<String> change) {
		String username = newOperator();
		String token = login(username);
		assertThat(api.get(PROTECTED, token).status()).isEqualTo(200);
		change.accept(username);
		assertThat(api.get(PROTECTED, token).status()).isEqualTo(401);
	}

	/**
	 * A change written to the database by someone else (another instance, an operator by hand) is seen when this
	 * instance's memory of the token's check runs out, a second later.
	 */
	private void assertEndedWithinASecondBy(Consumer<String> outsideChange) {
		String username = newOperator();
		String token = login(username);
		assertThat(api.get(PROTECTED, token).status()).isEqualTo(200);
		outsideChange.accept(username);
		assertThat(api.get(PROTECTED, token).status()).as("the check is remembered for a second").isEqualTo(200);
		clock.advance(Duration.ofSeconds(1));
		assertThat(api.get(PROTECTED, token).status()).isEqualTo(401);
	}

	private String sign(JwtClaimsSet claims) {
		return new NimbusJwtEncoder(new ImmutableSecret<>(tokenSigningKey))
			.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
			.getTokenValue();
	}

	private String newOperator() {
		String username = "tok" + UUID.randomUUID().toString().substring(0, 8);
		users.register(new UserRegistration(username, PASSWORD, "Token test", Role.AGENT, null));
		return username;
	}

	private String login(String username) {
		var response = api.post("/api/v1/auth/token", Map.of("username", username, "password", PASSWORD), null);
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("accessToken").asString();
	}
}
