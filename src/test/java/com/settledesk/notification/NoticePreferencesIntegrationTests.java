package com.settledesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

/** Each kind of notice goes where the merchant chose; security notices always go by SMS. */
@IntegrationTest
class NoticePreferencesIntegrationTests {

	private static final String PREFERENCES = "/api/v1/merchant/notice-preferences";
	private static final Object[] PAYOUT_ARGS = { "100.00", "622202*********6788", "账户已销户" };

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Notifications notifications;

	@Autowired
	JdbcClient jdbc;

	@Test
	void until_a_merchant_chooses_every_notice_goes_by_sms_and_in_app_and_none_by_email() {
		var merchant = fixtures.individual();
		var defaults = api.get(PREFERENCES, api.token(merchant.owner())).json();
		assertThat(defaults.has("email")).isFalse();
		assertThat(defaults.get("byEmail")).isEmpty();
		notifications.notifyMerchant(recipient(merchant), NoticeKind.PAYOUT, "notice.payout.failed", PAYOUT_ARGS);
		assertThat(notifications.sentTo(merchant.phone(), 5)).singleElement()
			.satisfies(m -> assertThat(m.text()).startsWith("【结算台】").contains("账户已销户"));
		assertThat(notifications.inbox(merchant.profile().id(), 5)).isNotEmpty();
	}

	@Test
	void a_merchant_who_wants_payout_notices_by_email_only_gets_them_there_but_security_notices_still_by_sms() {
		var merchant = fixtures.individual();
		String email = "shop" + merchant.phone() + "@example.com";
		var saved = api.send(api.builder(PREFERENCES, api.token(merchant.owner())).header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
					+ "\",\"bySms\":[],\"byEmail\":[\"PAYOUT\",\"STATEMENT\"]}")));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.json().get("bySms").toString()).isEqualTo("[\"SECURITY\"]");

		notifications.notifyMerchant(recipient(merchant), NoticeKind.PAYOUT, "notice.payout.failed", PAYOUT_ARGS);
		assertThat(notifications.sentTo(merchant.phone(), 5)).isEmpty();
		assertThat(notifications.sentTo(email, 5)).singleElement().satisfies(m -> {
			assertThat(m.channel()).isEqualTo(Channel.EMAIL);
			assertThat(m.text()).contains("账户已销户");
		});
		assertThat(jdbc.sql("SELECT subject FROM notification_message WHERE recipient = :to").param("to", email)
			.query(String.class).single()).startsWith("【结算台】");

		notifications.notifyMerchant(recipient(merchant), NoticeKind.SECURITY, "notice.cardchange.effective",
				new Object[] { "622202*********1234", "", "2026-11-27 10:00", "622202*********6788" });
		assertThat(notifications.sentTo(merchant.phone(), 5)).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'NOTICE_PREFERENCES_CHANGED' AND target_id = :m")
			.param("m", merchant.profile().id().toString()).query(Long.class).single()).isEqualTo(1);
	}

	private static Recipient recipient(MerchantFixtures.TestMerchant merchant) {
		return new Recipient(merchant.profile().id(), merchant.phone(), java.util.Locale.SIMPLIFIED_CHINESE);
	}

	@Test
	void a_wrong_address_is_refused_on_its_field_and_a_cashier_may_not_choose() {
		var merchant = fixtures.individual();
		for (String bad : List.of("not-an-address", "a@b", "x".repeat(190) + "@example.com")) {
			var refused = api.send(api.builder(PREFERENCES, api.token(merchant.owner()))
				.header("Content-Type", "application/json")
				.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"email\":\"" + bad + "\",\"byEmail\":[\"PAYOUT\"]}")));
			assertThat(refused.status()).as(bad).isEqualTo(422);
			assertThat(refused.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_EMAIL");
		}
		var noAddress = api.send(api.builder(PREFERENCES, api.token(merchant.owner())).header("Content-Type", "application/json")
			.PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"byEmail\":[\"PAYOUT\"]}")));
		assertThat(noAddress.status()).isEqualTo(422);
		assertThat(api.get(PREFERENCES, api.token(merchant.cashier())).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/dev/messages/outcomes", Map.of("to", "x", "outcome", "NOPE"), null).status())
			.as("an unknown value is a field error").isEqualTo(422);
	}
}
