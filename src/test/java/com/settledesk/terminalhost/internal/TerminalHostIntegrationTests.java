package com.settledesk.terminalhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.shared.Money;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalMacs;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.TerminalDriver;

/** A terminal talks to the host over TCP exactly as iso8583.md pins it; every response code is provoked here. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class TerminalHostIntegrationTests {

	static final String MASTER_KEY = "0123456789ABCDEFFEDCBA9876543210";
	static final String PAN = "6222024000123456788";

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	TerminalDriver driver;

	@Autowired
	Terminals terminals;

	@Autowired
	TerminalHostServer host;

	@Autowired
	Ledger ledger;

	@Autowired
	TerminalMacs macs;

	@Autowired
	JdbcClient jdbc;

	MerchantFixtures.TestMerchant merchant;
	String terminalId;

	@BeforeEach
	void aTerminalWithAKnownMasterKey() {
		merchant = fixtures.individual();
		terminalId = "1" + MerchantFixtures.digits(7);
		terminals.injectMasterKey(merchant.terminalSn(), terminalId, MASTER_KEY);
	}

	@Test
	void sign_on_delivers_a_mac_key_under_the_master_key_and_an_approved_purchase_is_captured_like_any_other(
			CapturedOutput output) throws IOException {
		Money before = ledger.balance(LedgerAccount.merchantPayable(merchant.profile().id()));
		try (IsoTerminal terminal = terminal()) {
			IsoMessage signOn = terminal.signOn();
			assertThat(signOn.mti()).isEqualTo("0810");
			assertThat(signOn.text(39)).isEqualTo("00");
			assertThat(signOn.text(62)).hasSize(40);
			IsoMessage answer = terminal.purchase("000101", PAN, 12345, "051");
			assertThat(answer.mti()).isEqualTo("0210");
			assertThat(answer.text(39)).isEqualTo("00");
			assertThat(answer.text(37)).hasSize(12);
			assertThat(answer.text(38)).matches("\\d{6}");
			assertThat(answer.has(2)).as("the PAN is never echoed").isFalse();
			assertThat(answer.has(64)).isTrue();
		}
		var transactions = api.get("/api/v1/merchant/transactions", api.token(merchant.owner())).body();
		assertThat(transactions).contains(terminalId + "-000001-000101", "CARD_CHIP");
		assertThat(ledger.balance(LedgerAccount.merchantPayable(merchant.profile().id())))
			.as("the net of 123.45 is owed to the merchant").isLessThan(before);
		String stored = jdbc.sql("SELECT pan_masked || ' ' || pan_cipher FROM host_message WHERE terminal_id = :tid")
			.param("tid", terminalId).query(String.class).single();
		assertThat(stored).doesNotContain(PAN).startsWith("622202");
		assertThat(output.getAll()).doesNotContain(PAN);
	}

	@Test
	void a_retransmission_gets_the_first_answer_and_other_content_under_the_same_stan_is_a_duplicate() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			IsoMessage first = terminal.purchase("000201", PAN, 5000, "021");
			IsoMessage again = terminal.purchase("000201", PAN, 5000, "021");
			assertThat(again.text(37)).isEqualTo(first.text(37));
			assertThat(again.text(39)).isEqualTo("00");
			assertThat(terminal.purchase("000201", PAN, 6000, "021").text(39)).isEqualTo("94");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE terminal_sn = :sn").param("sn", merchant.terminalSn())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_retrieval_reference_number_taken_already_fails_only_the_store_and_the_purchase_is_approved_under_the_next()
			throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			String first = terminal.purchase("000401", PAN, 1000, "051").text(37);
			String taken = String.format("%s%08d", first.substring(0, 4), Long.parseLong(first.substring(4)) + 1);
			// The number the host draws next, held by a message of another day ten years ago.
			jdbc.sql("""
					INSERT INTO host_message (id, terminal_id, batch_no, stan, mti, kind, request_hash, response_hex,
					    response_code, rrn, reversed, voided, received_at)
					VALUES (:id, '09999999', '000001', '000001', '0200', 'PURCHASE', 'x', '00', '00', :rrn, FALSE, FALSE,
					    :at)""")
				.param("id", UUID.randomUUID()).param("rrn", taken)
				.param("at", OffsetDateTime.parse("2016-11-28T10:00:00+08:00")).update();
			IsoMessage second = terminal.purchase("000402", PAN, 2000, "051");
			assertThat(second.text(39)).isEqualTo("00");
			assertThat(second.text(37)).isNotEqualTo(taken).isNotEqualTo(first);
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE terminal_sn = :sn").param("sn", merchant.terminalSn())
			.query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void a_wrong_mac_is_answered_a0_without_a_mac_and_three_in_a_row_lock_the_terminal() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			for (int i = 1; i <= 3; i++) {
				byte[] packed = terminal.packWithMac(terminal.purchaseMessage(terminal.nextStan(), PAN, 100, "051"), true);
				packed[packed.length - 1] ^= 0x01;
				IsoMessage answer = Iso8583Codec.unpack(terminal.sendRaw(packed));
				assertThat(answer.text(39)).isEqualTo("A0");
				assertThat(answer.has(64)).isFalse();
			}
			assertThat(terminals.findByTerminalId(terminalId).orElseThrow().status()).isEqualTo(TerminalStatus.LOCKED);
			assertThat(terminal.purchase(terminal.nextStan(), PAN, 100, "051").text(39)).isEqualTo("58");
		}
		assertThat(terminals.alerts()).extracting(t -> t.terminalId()).contains(terminalId);
	}

	@Test
	void a_void_undoes_an_approved_purchase_of_the_open_batch_once() throws IOException {
		LedgerAccount payable = LedgerAccount.merchantPayable(merchant.profile().id());
		Money before = ledger.balance(payable);
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			IsoMessage purchase = terminal.purchase("000301", PAN, 20000, "071");
			assertThat(terminal.voidPurchase(PAN, 19999, purchase.text(37)).text(39)).as("another amount").isEqualTo("13");
			IsoMessage voided = terminal.voidPurchase(PAN, 20000, purchase.text(37));
			assertThat(voided.text(39)).isEqualTo("00");
			assertThat(ledger.balance(payable)).isEqualTo(before);
			assertThat(terminal.voidPurchase(PAN, 20000, purchase.text(37)).text(39)).as("voided already").isEqualTo("12");
			assertThat(terminal.voidPurchase(PAN, 20000, "999999999999").text(39)).isEqualTo("25");
		}
	}

	@Test
	void a_reversal_undoes_the_purchase_once_and_an_original_arriving_after_its_reversal_is_declined() throws IOException {
		LedgerAccount payable = LedgerAccount.merchantPayable(merchant.profile().id());
		Money before = ledger.balance(payable);
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			terminal.purchase("000401", PAN, 30000, "051");
			assertThat(terminal.reversal("000401", 30000).text(39)).isEqualTo("00");
			assertThat(ledger.balance(payable)).isEqualTo(before);
			IsoMessage again = terminal.reversal("000401", 30000);
			assertThat(again.mti()).isEqualTo("0410");
			assertThat(again.text(39)).isEqualTo("00");
			assertThat(again.has(12)).as("the 0410 of the profile").isFalse();
			assertThat(ledger.balance(payable)).isEqualTo(before);

			assertThat(terminal.reversal("000402", 7000).text(39)).as("an original never seen").isEqualTo("00");
			assertThat(terminal.purchase("000402", PAN, 7000, "051").text(39)).isEqualTo("94");
			assertThat(ledger.balance(payable)).isEqualTo(before);
		}
	}

	@Test
	void settlement_compares_the_totals_closes_the_batch_and_a_later_message_naming_it_must_sign_on() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			IsoMessage p1 = terminal.purchase("000501", PAN, 10000, "051");
			terminal.purchase("000502", PAN, 2500, "021");
			terminal.voidPurchase(PAN, 10000, p1.text(37));
			IsoMessage settled = terminal.settle("002000000012500001000000010000");
			assertThat(settled.text(39)).isEqualTo("00");
			assertThat(settled.text(48)).isEqualTo("002000000012500001000000010000");
			assertThat(terminal.purchase("000503", PAN, 100, "051").text(39)).isEqualTo("77");

			terminal.batch = "000002";
			terminal.signOn();
			terminal.purchase("000601", PAN, 4200, "051");
			IsoMessage differs = terminal.settle("001000000009999000000000000000");
			assertThat(differs.text(39)).isEqualTo("95");
			assertThat(differs.text(48)).isEqualTo("001000000004200000000000000000");
		}
	}

	@Test
	void every_refusal_has_its_code() throws IOException {
		try (IsoTerminal fresh = terminal()) {
			assertThat(fresh.exchange(fresh.purchaseMessage("000701", PAN, 100, "051"), false).text(39))
				.as("no key yet").isEqualTo("77");
		}
		try (IsoTerminal wrongMerchant = new IsoTerminal(host.port(), terminalId, "822100058120001", MASTER_KEY)) {
			assertThat(wrongMerchant.signOn().text(39)).isEqualTo("03");
		}
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			assertThat(terminal.purchase("000702", PAN, 0, "051").text(39)).isEqualTo("13");
			assertThat(terminal.purchase("000703", "6222024000123456789", 100, "051").text(39)).isEqualTo("14");
			assertThat(terminal.purchase("000704", PAN, 999_999_999_99L, "051").text(39)).isEqualTo("61");
			assertThat(terminal.purchase("000705", PAN, 100, "901").text(39)).as("unknown entry mode").isEqualTo("12");
			IsoMessage noAmount = terminal.purchaseMessage("000706", PAN, 100, "051").remove(4);
			assertThat(terminal.exchange(noAmount, true).text(39)).isEqualTo("30");
			IsoMessage otherBatch = terminal.purchaseMessage("000707", PAN, 100, "051").set(60, "000099");
			assertThat(terminal.exchange(otherBatch, true).text(39)).isEqualTo("77");
			IsoMessage otherMerchant = terminal.purchaseMessage("000708", PAN, 100, "051").set(42, "822310058120002");
			assertThat(terminal.exchange(otherMerchant, true).text(39)).isEqualTo("03");

			String code = driver.reportLostCode(api.token(merchant.owner()), merchant.phone());
			api.post("/api/v1/merchant/terminals/" + merchant.terminalSn() + "/report-lost", Map.of("otp", code),
					api.token(merchant.owner()));
			assertThat(terminal.purchase("000709", PAN, 100, "051").text(39)).as("lost").isEqualTo("58");
		}
	}

	@Test
	void garbage_and_cut_frames_end_only_their_own_connection() throws IOException {
		try (IsoTerminal good = terminal(); IsoTerminal bad = terminal(); IsoTerminal cut = terminal()) {
			good.signOn();
			bad.writeRaw(new byte[] { 0x00, 0x08, 0x13, 0x37, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00 });
			assertThat(bad.closedByHost()).isTrue();
			cut.writeRaw(new byte[] { 0x00, 0x40, 0x60, 0x00, 0x01 });
			assertThat(good.purchase("000801", PAN, 100, "051").text(39)).isEqualTo("00");
			Awaitility.await().atMost(Duration.ofSeconds(10)).until(cut::closedByHost);
		}
	}

	@Test
	void a_readable_message_with_a_broken_field_is_answered_30() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			byte[] signOn = Iso8583Codec.pack(new IsoMessage("0800").set(11, "000901").set(41, terminalId)
				.set(42, merchant.profile().merchantNo()).set(60, "000001"));
			byte[] broken = java.util.Arrays.copyOf(signOn, signOn.length - 3);
			IsoMessage answer = Iso8583Codec.unpack(terminal.sendRaw(broken));
			assertThat(answer.mti()).isEqualTo("0810");
			assertThat(answer.text(39)).isEqualTo("30");
			assertThat(answer.text(11)).isEqualTo("000901");
		}
	}

	@Test
	void a_key_issued_elsewhere_after_the_host_remembered_the_old_one_is_accepted_without_counting_a_mac_failure()
			throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			assertThat(terminal.purchase("001101", PAN, 100, "051").text(39)).isEqualTo("00");
			terminal.adoptKey(macs.issueMacKey(terminalId).field62());
			assertThat(terminal.purchase("001102", PAN, 100, "051").text(39)).isEqualTo("00");
		}
		assertThat(jdbc.sql("SELECT mac_failures FROM terminal WHERE terminal_id = :tid").param("tid", terminalId)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void a_terminal_locked_elsewhere_after_the_host_remembered_it_active_captures_nothing() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			assertThat(terminal.purchase("001201", PAN, 100, "051").text(39)).isEqualTo("00");
			jdbc.sql("UPDATE terminal SET status = 'LOCKED', lock_reason = 'REPORTED_LOST' WHERE terminal_id = :tid").param("tid", terminalId).update();
			assertThat(terminal.purchase("001202", PAN, 100, "051").text(39)).isEqualTo("58");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE terminal_sn = :sn").param("sn", merchant.terminalSn())
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_host_that_cannot_read_its_own_key_answers_96_and_posts_nothing() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			jdbc.sql("UPDATE terminal SET mac_key_cipher = 'gone:AAAA' WHERE terminal_id = :tid").param("tid", terminalId)
				.update();
			IsoMessage answer = terminal.exchange(terminal.purchaseMessage("001001", PAN, 100, "051"), false);
			assertThat(answer.text(39)).isEqualTo("96");
		}
		assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE terminal_sn = :sn").param("sn", merchant.terminalSn())
			.query(Long.class).single()).isZero();
	}

	@Test
	void a_thousand_connections_at_once_are_each_answered_and_the_host_keeps_serving() throws Exception {
		int count = 1000;
		java.util.List<java.net.Socket> sockets = new java.util.ArrayList<>();
		var pool = java.util.concurrent.Executors.newFixedThreadPool(50);
		try {
			for (int i = 0; i < count; i++) {
				java.net.Socket socket = new java.net.Socket("127.0.0.1", host.port());
				socket.setSoTimeout(30_000);
				sockets.add(socket);
			}
			byte[] signOn = Iso8583Codec.pack(new IsoMessage("0800").set(11, "000001").set(41, "09999999")
				.set(42, "822100058120001").set(60, "000001"));
			var answers = new java.util.concurrent.ConcurrentLinkedQueue<String>();
			java.util.List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
			for (java.net.Socket socket : sockets) {
				sent.add(pool.submit(() -> {
					var out = new java.io.DataOutputStream(socket.getOutputStream());
					out.writeShort(5 + signOn.length);
					out.write(IsoTerminal.TPDU);
					out.write(signOn);
					out.flush();
					var in = new java.io.DataInputStream(socket.getInputStream());
					byte[] body = new byte[in.readUnsignedShort()];
					in.readFully(body);
					answers.add(Iso8583Codec.unpack(java.util.Arrays.copyOfRange(body, 5, body.length)).text(39));
					return null;
				}));
			}
			for (var future : sent) {
				future.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
			assertThat(answers).hasSize(count).containsOnly("58");
			try (IsoTerminal terminal = terminal()) {
				terminal.signOn();
				assertThat(terminal.purchase("001101", PAN, 100, "051").text(39)).isEqualTo("00");
			}
		}
		finally {
			pool.shutdownNow();
			for (java.net.Socket socket : sockets) {
				socket.close();
			}
		}
	}

	@Test
	void operators_see_the_hosts_traffic_mac_failures_and_batches_and_health_names_the_host() throws IOException {
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			terminal.purchase("001201", PAN, 100, "051");
			byte[] packed = terminal.packWithMac(terminal.purchaseMessage("001202", PAN, 100, "051"), true);
			packed[packed.length - 1] ^= 0x01;
			terminal.sendRaw(packed);
			terminal.settle("009000000000000000000000000000");
		}
		var page = api.send(api.builder("/ops/terminal-host", null).header("Cookie", api.webLogin("terminalops1"))
			.header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("0200 00", "0200 A0", "0500 95", terminalId, "host-connections");
		var agent = api.send(api.builder("/ops/terminal-host", null).header("Cookie", api.webLogin("agent1"))
			.header("Accept", "text/html").GET());
		assertThat(agent.status()).isEqualTo(403);
		var health = api.get("/actuator/health", api.token("admin")).json();
		assertThat(health.get("components").get("terminalHost").get("status").asString()).isEqualTo("UP");
		assertThat(health.get("components").get("terminalHost").get("details").get("port").asInt()).isEqualTo(host.port());
	}

	@Test
	void a_host_purchase_has_an_electronic_slip_for_the_merchant_only() throws IOException {
		String rrn;
		try (IsoTerminal terminal = terminal()) {
			terminal.signOn();
			rrn = terminal.purchase("001301", PAN, 8800, "071").text(37);
		}
		String owner = api.token(merchant.owner());
		String id = api.get("/api/v1/merchant/transactions", owner).json().get(0).get("id").asString();
		var slip = api.get("/api/v1/merchant/transactions/" + id + "/slip", api.token(merchant.cashier()));
		assertThat(slip.status()).isEqualTo(200);
		assertThat(slip.json().get("rrn").asString()).isEqualTo(rrn);
		assertThat(slip.json().get("cardMasked").asString()).startsWith("622202").endsWith("6788").doesNotContain(PAN);
		assertThat(slip.json().get("terminalId").asString()).isEqualTo(terminalId);
		assertThat(slip.json().get("amountFen").asLong()).isEqualTo(8800);
		var other = fixtures.individual();
		assertThat(api.get("/api/v1/merchant/transactions/" + id + "/slip", api.token(other.owner())).status())
			.isEqualTo(404);
		String cookie = api.webLogin(merchant.owner());
		var page = api.send(api.builder("/transactions/" + id + "/slip", null).header("Cookie", cookie)
			.header("Accept", "text/html").GET());
		assertThat(page.body()).contains(rrn, "挥卡", "88.00").doesNotContain(PAN);
		var list = api.send(api.builder("/transactions", null).header("Cookie", cookie).header("Accept", "text/html").GET());
		assertThat(list.body()).contains("/transactions/" + id + "/slip");
		var pdf = api.send(api.builder("/transactions/" + id + "/slip.pdf", null).header("Cookie", cookie).GET());
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
	}

	@Test
	void concurrent_purchases_committed_in_groups_are_each_captured_once_and_answered_after_their_commit()
			throws Exception {
		int terminalsCount = 6;
		int each = 15;
		java.util.List<IsoTerminal> clients = new java.util.ArrayList<>();
		java.util.List<MerchantFixtures.TestMerchant> shops = new java.util.ArrayList<>();
		for (int i = 0; i < terminalsCount; i++) {
			var shop = fixtures.individual();
			String tid = "1" + MerchantFixtures.digits(7);
			terminals.injectMasterKey(shop.terminalSn(), tid, MASTER_KEY);
			IsoTerminal client = new IsoTerminal(host.port(), tid, shop.profile().merchantNo(), MASTER_KEY);
			client.signOn();
			clients.add(client);
			shops.add(shop);
		}
		var pool = java.util.concurrent.Executors.newFixedThreadPool(terminalsCount * 2);
		var codes = new java.util.concurrent.ConcurrentLinkedQueue<String>();
		var rrns = new java.util.concurrent.ConcurrentHashMap<String, String>();
		try {
			java.util.List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
			for (IsoTerminal client : clients) {
				runs.add(pool.submit(() -> {
					for (int n = 1; n <= each; n++) {
						String stan = String.format("%06d", 2000 + n);
						IsoMessage answer = client.purchase(stan, PAN, 100 + n, "051");
						codes.add(answer.text(39));
						rrns.put(client.terminalId + stan, answer.text(37));
					}
					// The last purchase sent again: the first answer, not a second capture.
					String last = String.format("%06d", 2000 + each);
					codes.add(client.purchase(last, PAN, 100 + each, "051").text(37).equals(rrns.get(client.terminalId + last))
							? "same" : "different");
					return null;
				}));
			}
			for (var run : runs) {
				run.get(60, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
			for (IsoTerminal client : clients) {
				client.close();
			}
		}
		assertThat(codes).filteredOn("00"::equals).hasSize(terminalsCount * each);
		assertThat(codes).filteredOn("same"::equals).hasSize(terminalsCount);
		for (var shop : shops) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE terminal_sn = :sn")
				.param("sn", shop.terminalSn()).query(Long.class).single()).isEqualTo(each);
		}
		assertThat(ledger.consistent()).isTrue();
	}

	private IsoTerminal terminal() throws IOException {
		return new IsoTerminal(host.port(), terminalId, merchant.profile().merchantNo(), MASTER_KEY);
	}
}
