package com.settledesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

/** The demo data of api-v1.md, exactly. */
@IntegrationTest
class DemoDataIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	DemoDataSeeder seeder;

	@Autowired
	JdbcClient jdbc;

	@Test
	void every_demo_user_signs_in_with_the_demo_password() {
		for (String user : new String[] { "13800000001", "13800000002", "13900000001", "reviewer1", "reviewer2",
				"agent1", "admin", "gateway" }) {
			assertThat(api.token(user)).as(user).isNotBlank();
		}
	}

	@Test
	void the_convenience_store_is_an_individual_d0_merchant_with_zhang_sans_icbc_debit_card() {
		String token = api.token("13800000001");
		var profile = api.get("/api/v1/merchant/profile", token).json();
		assertThat(profile.get("merchantNo").asString()).isEqualTo("822100058120001");
		assertThat(profile.get("name").asString()).isEqualTo("张三便利店");
		assertThat(profile.get("kind").asString()).isEqualTo("INDIVIDUAL");
		assertThat(profile.get("legalName").asString()).isEqualTo("张三");
		assertThat(profile.get("contactPhoneMasked").asString()).isEqualTo("138****0001");
		assertThat(profile.get("settlementMode").asString()).isEqualTo("D0");

		var card = api.get("/api/v1/merchant/settlement-account", token).json();
		assertThat(card.get("accountType").asString()).isEqualTo("PERSONAL");
		assertThat(card.get("accountNumberMasked").asString()).isEqualTo("622202*********6788");
		assertThat(card.get("accountName").asString()).isEqualTo("张三");
		assertThat(card.get("bankCode").asString()).isEqualTo("ICBC");
		assertThat(card.get("bankName").asString()).isEqualTo("中国工商银行");
		assertThat(card.get("boundAt").asString()).endsWith("+08:00");
	}

	@Test
	void the_cashier_belongs_to_the_convenience_store() {
		var profile = api.get("/api/v1/merchant/profile", api.token("13800000002")).json();
		assertThat(profile.get("merchantNo").asString()).isEqualTo("822100058120001");
	}

	@Test
	void the_restaurant_is_an_enterprise_t1_merchant_with_a_corporate_account_in_its_own_name() {
		String token = api.token("13900000001");
		var profile = api.get("/api/v1/merchant/profile", token).json();
		assertThat(profile.get("merchantNo").asString()).isEqualTo("822310058120002");
		assertThat(profile.get("name").asString()).isEqualTo("上海禾木餐饮管理有限公司");
		assertThat(profile.get("kind").asString()).isEqualTo("ENTERPRISE");
		assertThat(profile.get("legalName").asString()).isEqualTo("李四");
		assertThat(profile.get("settlementMode").asString()).isEqualTo("T1");
		var account = api.get("/api/v1/merchant/settlement-account", token).json();
		assertThat(account.get("accountType").asString()).isEqualTo("CORPORATE");
		assertThat(account.get("accountName").asString()).isEqualTo("上海禾木餐饮管理有限公司");
	}

	@Test
	void each_terminal_belongs_to_its_merchant() {
		String gateway = api.token("gateway");
		assertThat(api.get("/api/v1/acquiring/terminals/T100000001", gateway).json().get("merchantNo").asString())
			.isEqualTo("822100058120001");
		assertThat(api.get("/api/v1/acquiring/terminals/T200000001", gateway).json().get("merchantNo").asString())
			.isEqualTo("822310058120002");
	}

	@Test
	void card_and_id_numbers_are_stored_encrypted_never_in_clear() {
		String stored = jdbc.sql("SELECT account_number_cipher FROM settlement_account WHERE account_number_masked = :m")
			.param("m", "622202*********6788").query(String.class).list().get(0);
		assertThat(stored).doesNotContain("6222024000123456788").contains(":");
		String legalId = jdbc.sql("SELECT legal_id_cipher FROM merchant WHERE merchant_no = '822100058120001'")
			.query(String.class).single();
		assertThat(legalId).doesNotContain("110101199003070011");
	}

	@Test
	void seeding_again_adds_nothing() {
		long before = counts();
		seeder.seed();
		assertThat(counts()).isEqualTo(before);
	}

	private long counts() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM merchant) + (SELECT COUNT(*) FROM settlement_account)
				     + (SELECT COUNT(*) FROM terminal) + (SELECT COUNT(*) FROM user_account)""").query(Long.class).single();
	}
}
