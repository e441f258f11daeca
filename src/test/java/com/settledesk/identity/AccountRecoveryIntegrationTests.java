package com.settledesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/** Back into a merchant account with a code sent to the registered phone (api-v1.md, "Account recovery"). */
@IntegrationTest
class AccountRecoveryIntegrationTests {

	static final String PROFILE = "/api/v1/merchant/profile";

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	MerchantFixtures.TestMerchant merchant;

	@BeforeEach
	void aMerchant() {
		merchant = fixtures.individual();
	}

	int codesSentTo(String phone) {
		int n = 0;
		for (var message : api.get("/api/v1/dev/outbox?to=" + phone, null).json()) {
			if (message.get("text").asString().contains("重设密码")) {
				n++;
			}
		}
		return n;
	}

	@Test
	void asking_for_a_code_answers_202_whether_or_not_the_phone_is_registered() {
		String unknown = "139" + MerchantFixtures.digits(8);
		assertThat(api.post("/api/v1/auth/sms-code", Map.of("phone", unknown), null).status()).isEqualTo(202);
		assertThat(api.get("/api/v1/dev/outbox?to=" + unknown, null).json().size()).isZero();
		assertThat(api.post("/api/v1/auth/sms-code", Map.of("phone", merchant.phone()), null).status()).isEqualTo(202);
		assertThat(codesSentTo(merchant.phone())).isEqualTo(1);
		assertThat(api.post("/api/v1/auth/sms-code", Map.of("phone", merchant.phone()), null).status())
			.as("too soon: still 202, no second code").isEqualTo(202);
		assertThat(codesSentTo(merchant.phone())).isEqualTo(1);
		assertThat(api.post("/api/v1/auth/sms-code", Map.of("phone", "x".repeat(300)), null).status()).isEqualTo(422);
		assertThat(api.postRaw("/api/v1/auth/sms-code", "{\"phone\":", null).status()).isEqualTo(400);
	}

	@Test
	void the_code_signs_in_once_and_wrong_codes_end_it() {
		api.post("/api/v1/auth/sms-code", Map.of("phone", merchant.phone()), null);
		String code = fixtures.latestCode(merchant.phone());
		var token = api.post("/api/v1/auth/token", Map.of("phone", merchant.phone(), "smsCode", code), null);
		assertThat(token.status()).isEqualTo(200);
		assertThat(api.get(PROFILE, token.json().get("accessToken").asString()).status()).isEqualTo(200);
		assertThat(api.post("/api/v1/auth/token", Map.of("phone", merchant.phone(), "smsCode", code), null).status())
			.as("single use").isEqualTo(401);

		clock.advance(Duration.ofSeconds(61));
		api.post("/api/v1/auth/sms-code", Map.of("phone", merchant.phone()), null);
		String second = fixtures.latestCode(merchant.phone());
		String wrong = second.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			assertThat(api.post("/api/v1/auth/token", Map.of("phone", merchant.phone(), "smsCode", wrong), null).status())
				.isIn(401, 423);
		}
		assertThat(api.post("/api/v1/auth/token", Map.of("phone", merchant.phone(), "smsCode", second), null).status())
			.as("five wrong tries end the code and lock the account").isIn(401, 423);
		assertThat(api.post("/api/v1/auth/token", Map.of("username", merchant.owner(), "password",
				ApiClient.DEMO_PASSWORD), null).status()).as("the lock holds for passwords too").isEqualTo(423);
	}

	@Test
	void a_phone_that_is_not_registered_never_signs_in_and_a_mixed_request_is_refused() {
		String unknown = "139" + MerchantFixtures.digits(8);
		assertThat(api.post("/api/v1/auth/token", Map.of("phone", unknown, "smsCode", "123456"), null).status())
			.isEqualTo(401);
		assertThat(api.post("/api/v1/auth/token", Map.of("phone", merchant.phone(), "smsCode", "123456", "username",
				merchant.owner(), "password", ApiClient.DEMO_PASSWORD), null).status()).isEqualTo(422);
		assertThat(api.post("/api/v1/auth/token", Map.of("phone", merchant.phone()), null).status()).isEqualTo(422);
	}

	@Test
	void a_reset_ends_earlier_tokens_and_sessions_tells_the_phone_and_counts_as_a_password_change() {
		String oldToken = api.token(merchant.owner());
		String oldSession = api.webLogin(merchant.owner());
		clock.advance(Duration.ofSeconds(2));
		assertThat(api.get(PROFILE, oldToken).status()).as("valid, and remembered as valid").isEqualTo(200);
		api.post("/api/v1/auth/sms-code", Map.of("phone", merchant.phone()), null);
		String code = fixtures.latestCode(merchant.phone());
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("phone", merchant.phone(), "smsCode", code,
				"newPassword", "short"), null).status()).as("weak password").isEqualTo(422);
		var reset = api.post("/api/v1/auth/password-reset", Map.of("phone", merchant.phone(), "smsCode", code,
				"newPassword", "NewPass2026"), null);
		assertThat(reset.status()).isEqualTo(204);
		assertThat(api.get(PROFILE, oldToken).status()).isEqualTo(401);
		var page = api.send(api.builder("/", null).header("Cookie", oldSession).header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).contains("/login");
		assertThat(api.post("/api/v1/auth/token", Map.of("username", merchant.owner(), "password",
				ApiClient.DEMO_PASSWORD), null).status()).isEqualTo(401);
		assertThat(api.post("/api/v1/auth/token", Map.of("username", merchant.owner(), "password", "NewPass2026"), null)
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).body()).contains("密码刚刚重设");
		assertThat(jdbc.sql("SELECT password_changed_at FROM user_account WHERE username = :u")
			.param("u", merchant.owner()).query(java.time.OffsetDateTime.class).single().toInstant())
			.as("a recent password change, which card-change risk reads")
			.isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("phone", merchant.phone(), "smsCode", code,
				"newPassword", "Another2026"), null).status()).as("the code was used").isEqualTo(422);
	}

	@Test
	void an_owner_locked_out_by_wrong_passwords_gets_back_in_with_a_reset_and_no_call() {
		for (int i = 0; i < 5; i++) {
			api.post("/api/v1/auth/token", Map.of("username", merchant.owner(), "password", "wrong-" + i), null);
		}
		assertThat(api.post("/api/v1/auth/token", Map.of("username", merchant.owner(), "password",
				ApiClient.DEMO_PASSWORD), null).status()).isEqualTo(423);
		api.post("/api/v1/auth/sms-code", Map.of("phone", merchant.phone()), null);
		assertThat(api.post("/api/v1/auth/password-reset", Map.of("phone", merchant.phone(), "smsCode",
				fixtures.latestCode(merchant.phone()), "newPassword", "BackIn2026"), null).status()).isEqualTo(204);
		assertThat(api.post("/api/v1/auth/token", Map.of("username", merchant.owner(), "password", "BackIn2026"), null)
			.status()).isEqualTo(200);
	}

	@Test
	void the_login_page_offers_sms_sign_in_and_reset_without_revealing_a_phone() {
		var login = api.send(api.builder("/login", null).header("Accept", "text/html").GET());
		assertThat(login.body()).contains("/login/sms", "/login/reset", "400-820-9588");
		var sms = api.send(api.builder("/login/sms", null).header("Accept", "text/html").GET());
		assertThat(sms.status()).isEqualTo(200);
		String cookie = sms.headers().getOrDefault("Set-Cookie", java.util.List.of("")).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
		var csrf = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(sms.body());
		assertThat(csrf.find()).isTrue();
		var sent = api.send(api.builder("/login/sms/code", null).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("phone=" + merchant.phone() + "&next=sms&_csrf=" + csrf.group(1))));
		assertThat(sent.status()).isEqualTo(302);
		String code = fixtures.latestCode(merchant.phone());
		var signedIn = api.send(api.builder("/login/sms", null).header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("phone=" + merchant.phone() + "&code=" + code + "&_csrf="
					+ csrf.group(1))));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("login");
		String session = signedIn.headers().getOrDefault("Set-Cookie", java.util.List.of(cookie + ";")).stream()
			.filter(c -> c.startsWith("JSESSIONID=")).map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElse(cookie);
		var home = api.send(api.builder("/", null).header("Cookie", session).header("Accept", "text/html").GET());
		assertThat(home.status()).isEqualTo(200);
	}
}
