package com.settledesk.posapplication;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.settledesk.audit.AuditLog;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.shared.Money;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.TerminalDriver;

/** A terminal from the owner's application to its return, through the API, with its money in the ledger. */
@IntegrationTest
class TerminalApplicationIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	TerminalDriver driver;

	@Autowired
	Ledger ledger;

	@Autowired
	Terminals terminals;

	@Autowired
	AuditLog audit;

	@Test
	void the_catalogue_lists_each_model_with_its_kind_charge_and_channels() {
		var models = api.get("/api/v1/terminal-models", api.token("13800000001")).json();
		assertThat(models.size()).isGreaterThanOrEqualTo(3);
		assertThat(models.get(0).get("code").asString()).isEqualTo("PAX-A920");
		assertThat(models.get(0).get("kind").asString()).isEqualTo("SMART");
		assertThat(models.get(0).get("depositFen").asLong()).isEqualTo(29900);
		assertThat(models.get(2).get("chargeKind").asString()).isEqualTo("RENTAL");
		assertThat(models.get(2).get("channels").toString()).doesNotContain("CARD_");
	}

	@Test
	void an_application_is_idempotent_and_a_reused_key_with_another_request_is_refused() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		var first = driver.apply(owner, "PAX-A920", 2, "apply-" + merchant.phone());
		assertThat(first.status()).isEqualTo(201);
		assertThat(first.json().get("number").asString()).matches("PA\\d{8}-\\d{4}");
		assertThat(first.json().get("installationAddress").asString()).isEqualTo(merchant.profile().businessAddress());
		var again = driver.apply(owner, "PAX-A920", 2, "apply-" + merchant.phone());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
		var other = driver.apply(owner, "PAX-A920", 3, "apply-" + merchant.phone());
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.body()).contains("IDEMPOTENCY_KEY_REUSED");
		assertThat(api.get("/api/v1/merchant/terminal-applications", owner).json().size()).isEqualTo(1);
	}

	@Test
	void only_the_owner_applies_and_bad_fields_are_named() {
		var merchant = fixtures.individual();
		assertThat(driver.apply(api.token(merchant.cashier()), "PAX-A920", 1, null).status()).isEqualTo(403);
		var bad = api.post("/api/v1/merchant/terminal-applications", Map.of("modelCode", "PAX-A920", "quantity", 9,
				"deliveryAddress", "北京", "contactName", "张三", "contactPhone", "12345",
				"installationAddress", "上海市浦东新区世纪大道 1 号"), api.token(merchant.owner()));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("\"quantity\"", "OUT_OF_RANGE", "INVALID_PHONE", "REASON_REQUIRED");
		var wrongType = api.postRaw("/api/v1/merchant/terminal-applications", "{\"modelCode\":\"PAX-A920\",\"quantity\":\"two\"}",
				api.token(merchant.owner()));
		assertThat(wrongType.status()).isEqualTo(422);
		assertThat(api.get("/api/v1/merchant/terminal-applications", api.token(merchant.owner())).json().size()).isZero();
	}

	@Test
	void approval_charges_the_deposit_through_the_ledger_and_the_return_refunds_it() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		LedgerAccount payable = LedgerAccount.merchantPayable(merchant.profile().id());
		Money before = ledger.balance(payable);
		Money depositsBefore = ledger.balance(LedgerAccount.TERMINAL_DEPOSITS);
		String id = driver.approved(owner, "PAX-A920", 2);
		var application = api.get("/api/v1/merchant/terminal-applications/" + id, owner).json();
		String number = application.get("number").asString();
		assertThat(application.get("status").asString()).isEqualTo("APPROVED");
		assertThat(ledger.balance(payable)).isEqualTo(before.plus(Money.ofFen(59800)));
		assertThat(ledger.entry("TERMINAL_DEPOSIT", number)).isPresent();
		assertThat(ledger.balance(LedgerAccount.TERMINAL_DEPOSITS)).isEqualTo(depositsBefore.minus(Money.ofFen(59800)));

		var receipt = api.post("/api/v1/merchant/receipts", Map.of("entryKind", "TERMINAL_DEPOSIT", "entryReference", number),
				owner);
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.json().get("amountFen").asLong()).isEqualTo(59800);

		List<String> serials = driver.stock("PAX-A920", 2);
		assertThat(driver.ship(id, serials).status()).isEqualTo(200);
		String serial = serials.get(0);
		assertThat(api.post("/api/v1/merchant/terminals/" + serial + "/return", Map.of("reason", "关店"), owner).status())
			.isEqualTo(200);
		assertThat(api.post("/api/v1/ops/terminals/" + serial + "/return-received", null, api.token("terminalops1"))
			.json().get("status").asString()).isEqualTo("RETURNED");
		Awaitility.await().atMost(Duration.ofSeconds(10))
			.until(() -> ledger.entry("TERMINAL_DEPOSIT_REFUND", number + "/" + serial).isPresent());
		assertThat(ledger.balance(payable)).isEqualTo(before.plus(Money.ofFen(29900)));
		assertThat(api.post("/api/v1/ops/terminals/" + serial + "/wipe", null, api.token("terminalops1")).json()
			.get("status").asString()).isEqualTo("IN_STOCK");
		assertThat(terminals.findBySerialNo(serial).orElseThrow().merchantId()).isNull();
		var statementKinds = api.get("/api/v1/merchant/terminals", owner).json().toString();
		assertThat(statementKinds).contains(serial, "RETURNED");
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void the_merchant_follows_the_timeline_to_delivery_with_the_tracking_number() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String id = driver.approved(owner, "NEWLAND-ME31", 1);
		var shipped = driver.ship(id, driver.stock("NEWLAND-ME31", 1));
		assertThat(shipped.json().get("trackingNo").asString()).startsWith("SF");
		var delivered = api.post("/api/v1/ops/terminal-applications/" + id + "/delivered", null, api.token("terminalops1"));
		assertThat(delivered.json().get("status").asString()).isEqualTo("DELIVERED");
		var seen = api.get("/api/v1/merchant/terminal-applications/" + id, owner).json();
		assertThat(seen.get("history").toString()).contains("SUBMITTED", "APPROVED", "SHIPPED", "DELIVERED");
		assertThat(seen.get("trackingNo").asString()).isEqualTo(shipped.json().get("trackingNo").asString());
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null)
			.body().contains("申请 " + seen.get("number").asString() + " 的机具已签收"));
	}

	@Test
	void every_step_out_of_order_is_a_conflict_and_reviewer_decisions_are_for_reviewers() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		String id = driver.apply(owner, "PAX-A920", 1, null).json().get("id").asString();
		String ops = api.token("terminalops1");
		String reviewer = api.token("reviewer1");
		assertThat(driver.ship(id, driver.stock("PAX-A920", 1)).status()).as("ship before approval").isEqualTo(409);
		assertThat(api.post("/api/v1/ops/terminal-applications/" + id + "/approve", null, ops).status())
			.as("terminal operations do not approve").isEqualTo(403);
		assertThat(api.post("/api/v1/ops/terminal-applications/" + id + "/reject", Map.of(), reviewer).status())
			.as("a rejection needs a reason").isEqualTo(422);
		assertThat(api.post("/api/v1/ops/terminal-applications/" + id + "/request-info",
				Map.of("message", "请补充门头照"), reviewer).json().get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(api.post("/api/v1/ops/terminal-applications/" + id + "/approve", null, reviewer).status())
			.as("approve while waiting for the merchant").isEqualTo(409);
		assertThat(api.post("/api/v1/merchant/terminal-applications/" + id + "/cancel", null, owner).json()
			.get("status").asString()).isEqualTo("CANCELLED");
		assertThat(api.post("/api/v1/merchant/terminal-applications/" + id + "/cancel", null, owner).status()).isEqualTo(409);
		assertThat(api.post("/api/v1/ops/terminal-applications/" + id + "/delivered", null, ops).status()).isEqualTo(409);
		String number = api.get("/api/v1/merchant/terminal-applications/" + id, owner).json().get("number").asString();
		assertThat(audit.latest(500).stream().filter(e -> number.equals(e.targetId())).toList()).extracting(e -> e.action())
			.contains("TERMINAL_APPLICATION_SUBMITTED", "TERMINAL_APPLICATION_NEEDS_INFO", "TERMINAL_APPLICATION_CANCELLED");
	}

	@Test
	void another_merchants_application_and_terminal_are_not_found() {
		var merchant = fixtures.individual();
		var other = fixtures.individual();
		String id = driver.apply(api.token(merchant.owner()), "PAX-A920", 1, null).json().get("id").asString();
		String otherOwner = api.token(other.owner());
		assertThat(api.get("/api/v1/merchant/terminal-applications/" + id, otherOwner).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/merchant/terminal-applications/" + id + "/cancel", null, otherOwner).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/terminals/" + merchant.terminalSn(), otherOwner).status()).isEqualTo(404);
		assertThat(api.post("/api/v1/merchant/terminals/" + merchant.terminalSn() + "/return", Map.of(), otherOwner).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/terminal-applications/not-a-uuid", otherOwner).status()).isEqualTo(404);
	}

	@Test
	void two_operators_cannot_ship_the_same_serial_number() throws Exception {
		var first = fixtures.individual();
		var second = fixtures.individual();
		String a = driver.approved(api.token(first.owner()), "PAX-A920", 1);
		String b = driver.approved(api.token(second.owner()), "PAX-A920", 1);
		String serial = driver.stock("PAX-A920", 1).get(0);
		api.token("terminalops1");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Integer> shipA = () -> {
				start.await();
				return driver.ship(a, List.of(serial)).status();
			};
			Callable<Integer> shipB = () -> {
				start.await();
				return driver.ship(b, List.of(serial)).status();
			};
			Future<Integer> fa = pool.submit(shipA);
			Future<Integer> fb = pool.submit(shipB);
			start.countDown();
			assertThat(List.of(fa.get(), fb.get())).containsExactlyInAnyOrder(200, 409);
		}
		finally {
			pool.shutdown();
		}
		var terminal = terminals.findBySerialNo(serial).orElseThrow();
		assertThat(terminal.status()).isEqualTo(TerminalStatus.SHIPPED);
		long shippedWithSerial = List.of(a, b).stream()
			.map(id -> api.get("/api/v1/ops/terminal-applications/" + id, api.token("reviewer1")).json().get("application"))
			.filter(app -> app.get("serialNumbers").toString().contains(serial)).count();
		assertThat(shippedWithSerial).isEqualTo(1);
		assertThat(List.of(a, b).stream()
			.map(id -> api.get("/api/v1/ops/terminal-applications/" + id, api.token("reviewer1")).json().get("application")
				.get("status").asString())).containsExactlyInAnyOrder("SHIPPED", "APPROVED");
	}

	@Test
	void the_reviewer_sees_risk_signals_in_words() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		var applied = api.post("/api/v1/merchant/terminal-applications", Map.of("modelCode", "PAX-A920", "quantity", 5,
				"deliveryAddress", "广东省深圳市南山区科技园 1 号", "contactName", "张三", "contactPhone", "13800000009",
				"installationAddress", "上海市浦东新区世纪大道 1 号", "reason", "新开分店"), owner);
		var review = api.get("/api/v1/ops/terminal-applications/" + applied.json().get("id").asString(),
				api.token("reviewer1")).json();
		String signals = review.get("riskSignals").toString();
		assertThat(signals).contains("TOO_MANY_TERMINALS", "INSTALLATION_FAR", "DELIVERY_FAR", "BALANCE_BELOW_CHARGE");
		assertThat(review.get("riskSignals").get(1).get("text").asString()).contains("上海市", "北京市");
	}

	@Test
	void a_model_that_takes_no_cards_refuses_a_card_capture() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		var activation = driver.active(owner, "SUNMI-QR");
		String serial = activation.get("serialNumber").asString();
		var capture = api.post("/api/v1/acquiring/transactions", Map.of("reference", "QRBOX" + MerchantFixtures.digits(10),
				"merchantNo", merchant.profile().merchantNo(), "terminalSn", serial, "channel", "CARD_SWIPE", "cardKind",
				"DEBIT", "amountFen", 1000, "occurredAt", Instant.now().toString()), api.token("gateway"));
		assertThat(capture.status()).isEqualTo(422);
		assertThat(capture.body()).contains("CHANNEL_NOT_ACCEPTED_BY_TERMINAL");
	}
}
