package com.settledesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/** Limits that no single name or code reveals: many names from one address, many codes to one phone. */
@IntegrationTest
@TestPropertySource(properties = { "settledesk.security.max-failed-logins-per-address=6",
		"settledesk.security.max-one-time-codes-per-phone-per-day=3" })
class AbuseLimitsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MutableClock clock;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	/** On a shared database (the PostgreSQL run) other classes' failures from this address must not count. */
	@BeforeEach
	@AfterEach
	void forgetAddressThrottles() {
		jdbc.sql("DELETE FROM login_throttle WHERE username LIKE 'addr:%'").update();
	}

	@Test
	void many_names_tried_from_one_address_are_answered_429_with_retry_after() {
		for (int i = 0; i < 6; i++) {
			var failed = api.post("/api/v1/auth/token",
					Map.of("username", "guess" + UUID.randomUUID().toString().substring(0, 6), "password", "x"), null);
			assertThat(failed.status()).isEqualTo(401);
		}
		var limited = api.post("/api/v1/auth/token", Map.of("username", "13800000001", "password", "Demo@2026"), null);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.contentType()).startsWith("application/problem+json");
		assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();

		clock.advance(Duration.ofMinutes(16));
		assertThat(api.post("/api/v1/auth/token", Map.of("username", "13800000001", "password", "Demo@2026"), null)
			.status()).isEqualTo(200);
	}

	@Test
	void one_time_codes_are_capped_per_phone_per_day() {
		String owner = api.token(fixtures.individual().owner());
		for (int i = 0; i < 3; i++) {
			assertThat(api.post("/api/v1/merchant/otp", Map.of("purpose", "SETTLEMENT_CARD_CHANGE"), owner).status())
				.isEqualTo(202);
			clock.advance(Duration.ofSeconds(61));
		}
		var capped = api.post("/api/v1/merchant/otp", Map.of("purpose", "SETTLEMENT_CARD_CHANGE"), owner);
		assertThat(capped.status()).isEqualTo(429);
		assertThat(capped.json().get("code").asString()).isEqualTo("OTP_DAILY_LIMIT");
		assertThat(Long.parseLong(capped.header("Retry-After"))).isBetween(1L, 86_400L);
	}
}
