package com.settledesk.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.audit.AuditLog;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.LockReason;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;
import com.settledesk.testsupport.TerminalDriver;

import io.micrometer.core.instrument.MeterRegistry;

/** Activation, keys, brute force, lost terminals, MAC failures and relocation. */
@IntegrationTest
class TerminalSecurityIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	TerminalDriver driver;

	@Autowired
	TerminalRepository repository;

	@Autowired
	TerminalSecurityService security;

	@Autowired
	TerminalSecurity terminalSecurity;

	@Autowired
	Terminals terminals;

	@Autowired
	SensitiveDataProtector protector;

	@Autowired
	TerminalKeys keys;

	@Autowired
	AuditLog audit;

	@Autowired
	MeterRegistry meters;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void activation_hands_over_the_terminal_id_and_keys_that_the_host_keeps_encrypted() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String serial = driver.shipped(owner, "PAX-A920");
		String code = driver.activationCode(owner, serial);
		assertThat(code).matches("\\d{8}");
		assertThat(api.get("/api/v1/merchant/terminals/" + serial, api.token(merchant.cashier())).body())
			.as("a cashier never sees the activation code").doesNotContain("activationCode").doesNotContain(code);

		var activation = driver.activate(serial, code);
		assertThat(activation.status()).isEqualTo(200);
		var answer = activation.json();
		assertThat(answer.get("terminalId").asString()).matches("[3-9]\\d{7}");
		assertThat(answer.get("merchantNo").asString()).isEqualTo(merchant.profile().merchantNo());

		Terminal stored = repository.load(serial).orElseThrow();
		String masterKey = protector.decrypt(stored.masterKey);
		String macKey = protector.decrypt(stored.macKey);
		String transportKey = protector.decrypt(security.transportKey("PAX-A920"));
		assertThat(keys.decryptUnder(transportKey, answer.get("masterKeyUnderTransportKey").asString())).isEqualTo(masterKey);
		assertThat(keys.decryptUnder(masterKey, answer.get("macKeyUnderMasterKey").asString())).isEqualTo(macKey);
		assertThat(answer.get("masterKeyCheckValue").asString()).isEqualTo(keys.checkValue(masterKey));
		assertThat(answer.get("macKeyCheckValue").asString()).isEqualTo(keys.checkValue(macKey));
		assertThat(stored.masterKey.toStorage()).doesNotContain(masterKey);
		assertThat(stored.status).isEqualTo(TerminalStatus.ACTIVE);

		assertThat(driver.activate(serial, code).status()).as("the code works once").isEqualTo(422);
		assertThat(api.get("/api/v1/merchant/terminals/" + serial, owner).body()).doesNotContain("activationCode");
	}

	@Test
	void the_demo_terminals_carry_the_published_terminal_ids_and_master_keys() {
		Terminal demo = repository.load("T100000001").orElseThrow();
		assertThat(demo.terminalId).isEqualTo("10000001");
		assertThat(protector.decrypt(demo.masterKey)).isEqualTo("0123456789ABCDEFFEDCBA9876543210");
		assertThat(terminals.findByTerminalId("20000001").orElseThrow().serialNo()).isEqualTo("T200000001");
	}

	@Test
	void five_wrong_codes_lock_the_terminal_until_an_operator_unlocks_it_with_a_new_code() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String serial = driver.shipped(owner, "PAX-A920");
		String code = driver.activationCode(owner, serial);
		String wrong = code.equals("00000000") ? "11111111" : "00000000";
		for (int i = 1; i <= 4; i++) {
			assertThat(driver.activate(serial, wrong).status()).isEqualTo(422);
		}
		var fifth = driver.activate(serial, wrong);
		assertThat(fifth.status()).isEqualTo(429);
		assertThat(fifth.header("Retry-After")).isNotBlank();
		assertThat(driver.activate(serial, code).status()).as("the right code no longer helps").isEqualTo(429);
		assertThat(terminals.findBySerialNo(serial).orElseThrow().lockReason()).isEqualTo(LockReason.ACTIVATION_ATTEMPTS);
		assertThat(terminals.alerts()).extracting(t -> t.serialNo()).contains(serial);

		String ops = api.token("terminalops1");
		assertThat(api.post("/api/v1/ops/terminals/" + serial + "/unlock", Map.of(), ops).status()).isEqualTo(422);
		assertThat(api.post("/api/v1/ops/terminals/" + serial + "/unlock", Map.of("note", "电话核实为商户本人误操作"), ops)
			.json().get("status").asString()).isEqualTo("SHIPPED");
		String fresh = driver.activationCode(owner, serial);
		assertThat(audit.latest(50)).anySatisfy(e -> {
			assertThat(e.action()).isEqualTo("TERMINAL_UNLOCKED");
			assertThat(e.actor()).isEqualTo("terminalops1");
			assertThat(e.targetId()).isEqualTo(serial);
		});
		if (!fresh.equals(code)) {
			assertThat(driver.activate(serial, code).status()).as("the guessed-at code is gone").isEqualTo(422);
		}
		assertThat(driver.activate(serial, fresh).status()).isEqualTo(200);
	}

	@Test
	void an_address_that_keeps_guessing_is_refused_across_terminals() {
		String address = "203.0.113." + MerchantFixtures.digits(2);
		// The tests' limit is 1,000 a window (every test client is 127.0.0.1): start this address just below it.
		jdbc.sql("DELETE FROM terminal_activation_throttle WHERE address = :a").param("a", address).update();
		jdbc.sql("INSERT INTO terminal_activation_throttle (address, failures, window_started_at) VALUES (:a, 999, :at)")
			.param("a", address).param("at", com.settledesk.shared.Timestamps.toDb(clock.instant())).update();
		assertThatThrownBy(() -> security.activate("GUESS" + MerchantFixtures.digits(8), "12345678", address))
			.as("the thousandth failure is still answered").isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> security.activate("GUESS" + MerchantFixtures.digits(8), "12345678", address))
			.isInstanceOf(RateLimitedException.class);
		assertThatThrownBy(() -> security.activate("GUESS" + MerchantFixtures.digits(8), "12345678", "198.51.100.1"))
			.as("another address is not affected").isInstanceOf(ValidationFailedException.class);
	}

	@Test
	void a_terminal_reported_lost_takes_no_more_payments_until_an_operator_unlocks_it() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String serial = merchant.terminalSn();
		assertThat(capture(merchant, serial).status()).isEqualTo(201);

		assertThat(api.post("/api/v1/merchant/terminals/" + serial + "/report-lost", Map.of("otp", "000000"),
				api.token(merchant.cashier())).status()).as("a cashier cannot report").isEqualTo(403);
		String code = driver.reportLostCode(owner, merchant.phone());
		String wrong = code.equals("000000") ? "111111" : "000000";
		assertThat(api.post("/api/v1/merchant/terminals/" + serial + "/report-lost", Map.of("otp", wrong), owner).status())
			.isEqualTo(422);
		assertThat(terminals.findBySerialNo(serial).orElseThrow().status()).isEqualTo(TerminalStatus.ACTIVE);
		clock.advance(java.time.Duration.ofSeconds(61));
		code = driver.reportLostCode(owner, merchant.phone());
		var locked = api.post("/api/v1/merchant/terminals/" + serial + "/report-lost", Map.of("otp", code), owner);
		assertThat(locked.json().get("status").asString()).isEqualTo("LOCKED");

		var refused = capture(merchant, serial);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("TERMINAL_NOT_ACTIVE");
		assertThat(api.post("/api/v1/ops/terminals/" + serial + "/unlock", Map.of("note", "商户找回机具，视频核实"),
				api.token("reviewer1")).json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(capture(merchant, serial).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/ops/terminals/" + serial + "/unlock", Map.of("note", "again"),
				api.token("reviewer1")).status()).as("unlocking an active terminal").isEqualTo(409);
	}

	@Test
	void three_mac_failures_in_a_row_lock_the_terminal_and_raise_an_alert() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String terminalId = driver.active(owner, "PAX-A920").get("terminalId").asString();
		double before = meters.counter("settledesk.terminal.locks", "reason", "MAC_FAILURES").count();
		terminalSecurity.macFailed(terminalId);
		terminalSecurity.macFailed(terminalId);
		terminalSecurity.macVerified(terminalId);
		assertThat(terminalSecurity.macFailed(terminalId)).as("a good MAC started the count again").isFalse();
		assertThat(terminalSecurity.macFailed(terminalId)).isFalse();
		assertThat(terminalSecurity.macFailed(terminalId)).isTrue();
		var terminal = terminals.findByTerminalId(terminalId).orElseThrow();
		assertThat(terminal.status()).isEqualTo(TerminalStatus.LOCKED);
		assertThat(terminal.lockReason()).isEqualTo(LockReason.MAC_FAILURES);
		assertThat(terminals.alerts()).extracting(t -> t.terminalId()).contains(terminalId);
		assertThat(meters.counter("settledesk.terminal.locks", "reason", "MAC_FAILURES").count()).isEqualTo(before + 1);
		assertThat(terminals.history(terminal.serialNo())).extracting(e -> e.event()).containsSubsequence("ACTIVATED",
				"MAC_FAILED", "MAC_FAILED", "MAC_VERIFIED", "MAC_FAILED", "MAC_FAILED", "LOCKED");
	}

	@Test
	void a_terminal_moves_only_when_operators_approve_the_new_place() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String serial = merchant.terminalSn();
		var asked = api.post("/api/v1/merchant/terminals/" + serial + "/relocation",
				Map.of("installationAddress", "北京市海淀区中关村大街 1 号", "reason", "店铺搬迁"), owner);
		assertThat(asked.status()).isEqualTo(201);
		assertThat(terminals.findBySerialNo(serial).orElseThrow().installAddress()).isEqualTo("测试地址");
		assertThat(api.post("/api/v1/merchant/terminals/" + serial + "/relocation",
				Map.of("installationAddress", "北京市海淀区中关村大街 2 号", "reason", "again"), owner).status()).isEqualTo(409);
		String id = asked.json().get("id").asString();
		String ops = api.token("terminalops1");
		assertThat(api.post("/api/v1/ops/terminal-relocations/" + id + "/reject", Map.of(), ops).status()).isEqualTo(422);
		assertThat(api.post("/api/v1/ops/terminal-relocations/" + id + "/approve", Map.of("note", "已核实租赁合同"), ops)
			.json().get("status").asString()).isEqualTo("APPROVED");
		assertThat(terminals.findBySerialNo(serial).orElseThrow().installAddress()).isEqualTo("北京市海淀区中关村大街 1 号");
		assertThat(api.post("/api/v1/ops/terminal-relocations/" + id + "/approve", Map.of(), ops).status()).isEqualTo(409);
	}

	private ApiClient.Response capture(MerchantFixtures.TestMerchant merchant, String serial) {
		return api.post("/api/v1/acquiring/transactions", Map.of("reference", "LOST" + MerchantFixtures.digits(12),
				"merchantNo", merchant.profile().merchantNo(), "terminalSn", serial, "channel", "CARD_CHIP", "cardKind",
				"DEBIT", "amountFen", 1000, "occurredAt", Instant.now().toString()), api.token("gateway"));
	}
}
