package com.settledesk.acquiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/** POST /api/v1/acquiring/transactions as api-v1.md names it. */
@IntegrationTest
class CaptureIntegrationTests {

	private static final String CAPTURE = "/api/v1/acquiring/transactions";

	@Autowired
	ApiClient api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	Transactions transactions;

	@Autowired
	TransactionTemplate tx;

	@Test
	void a_capture_is_priced_and_posted_and_the_same_reference_answers_the_first_result() {
		Map<String, Object> body = capture(500000, "CARD_CHIP", "DEBIT");
		Response first = api.post(CAPTURE, body, api.token("gateway"));
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.json().get("feeFen").asLong()).isEqualTo(2000);
		assertThat(first.json().get("netFen").asLong()).isEqualTo(498000);

		Response again = api.post(CAPTURE, body, api.token("gateway"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		assertThat(entries("CAPTURE", first.json().get("id").asString())).isEqualTo(1);
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void eight_concurrent_duplicates_make_one_transaction_and_all_get_the_first_result() throws Exception {
		Map<String, Object> body = capture(12345, "QR_WECHAT", "NONE");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Response> responses = new ArrayList<>();
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> api.post(CAPTURE, body, api.token("gateway")));
			}
			for (Future<Response> future : pool.invokeAll(calls)) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(200, 201));
		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE reference = :r").param("r", body.get("reference"))
			.query(Long.class).single()).isEqualTo(1);
		assertThat(entries("CAPTURE", responses.get(0).json().get("id").asString())).isEqualTo(1);
	}

	@Test
	void single_captures_sent_at_once_go_through_the_group_commit_and_each_gets_its_own_answer() throws Exception {
		var shop = fixtures.individual();
		MerchantId merchant = shop.profile().id();
		double before = groupSizes().totalAmount();
		Money balanceBefore = ledger.balance(LedgerAccount.merchantPayable(merchant));
		List<Map<String, Object>> bodies = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			bodies.add(capture(1000 + i, "QR_WECHAT", "NONE"));
		}
		Map<String, Object> sharedReference = capture(5000, "QR_WECHAT", "NONE");
		Map<String, Object> unknownMerchant = capture(7000, "QR_WECHAT", "NONE");
		for (int i = 0; i < 4; i++) {
			bodies.add(sharedReference);
			bodies.add(unknownMerchant);
		}
		for (Map<String, Object> body : bodies) {
			body.put("merchantNo", shop.profile().merchantNo());
			body.put("terminalSn", shop.terminalSn());
		}
		unknownMerchant.put("merchantNo", "999999999999999");
		ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
		List<Response> responses = new ArrayList<>();
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (Map<String, Object> body : bodies) {
				calls.add(() -> api.post(CAPTURE, body, api.token("gateway")));
			}
			for (Future<Response> future : pool.invokeAll(calls)) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}

		for (int i = 0; i < bodies.size(); i++) {
			Response response = responses.get(i);
			if (bodies.get(i) == unknownMerchant) {
				assertThat(response.status()).as(response.body()).isEqualTo(422);
				assertThat(response.body()).contains("UNKNOWN_MERCHANT");
			}
			else {
				assertThat(response.status()).as(response.body()).isIn(200, 201);
				// the answer is the caller's own: its transaction's fee and net add up to the amount it sent
				assertThat(amountOf(response)).isEqualTo(((Number) bodies.get(i).get("amountFen")).longValue());
			}
		}
		List<Response> shared = responses.stream().filter(r -> r.status() != 422)
			.filter(r -> amountOf(r) == 5000).toList();
		assertThat(shared).hasSize(4);
		assertThat(shared).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(shared.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
		assertThat(entriesFor((String) sharedReference.get("reference"))).isEqualTo(1);
		long nets = responses.stream().filter(r -> r.status() == 201).mapToLong(r -> r.json().get("netFen").asLong()).sum();
		assertThat(ledger.balance(LedgerAccount.merchantPayable(merchant))).isEqualTo(balanceBefore.minus(Money.ofFen(nets)));
		assertThat(groupSizes().totalAmount() - before).isEqualTo(bodies.size());
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void a_capture_sent_again_after_it_left_the_time_window_still_answers_the_first_result() {
		Map<String, Object> body = capture(4200, "QR_ALIPAY", "NONE");
		Response first = api.post(CAPTURE, body, api.token("gateway"));
		assertThat(first.status()).isEqualTo(201);
		clock.advance(Duration.ofDays(40));
		try {
			Response again = api.post(CAPTURE, body, api.token("gateway"));
			assertThat(again.status()).as(again.body()).isEqualTo(200);
			assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
		}
		finally {
			clock.advance(Duration.ofDays(-40));
		}
	}

	@Test
	void bad_captures_are_refused_field_by_field_and_post_nothing() {
		Map<String, Object> body = capture(0, "CARD_CHIP", "NONE");
		body.put("terminalSn", "T200000001");
		Response refused = api.post(CAPTURE, body, api.token("gateway"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors").findValuesAsString("code"))
			.contains("TERMINAL_NOT_OF_MERCHANT", "CARD_KIND_REQUIRED", "MUST_BE_POSITIVE");
		assertThat(api.post(CAPTURE, capture(5000001, "CARD_CHIP", "CREDIT"), api.token("gateway")).json()
			.get("errors").findValuesAsString("code")).contains("OVER_LIMIT");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE reference = :r").param("r", body.get("reference"))
			.query(Long.class).single()).isZero();
	}

	@Test
	void only_the_gateway_captures() {
		assertThat(api.post(CAPTURE, capture(100, "QR_ALIPAY", "NONE"), api.token("13800000001")).status()).isEqualTo(403);
		assertThat(api.post(CAPTURE, capture(100, "QR_ALIPAY", "NONE"), api.token("admin")).status()).isEqualTo(403);
	}

	@Test
	void a_batch_answers_each_item_and_a_refund_reverses_the_posting() {
		Map<String, Object> good = capture(10000, "CARD_SWIPE", "CREDIT");
		Map<String, Object> bad = capture(-1, "CARD_SWIPE", "CREDIT");
		Response batch = api.post(CAPTURE + "/batch", Map.of("transactions", List.of(good, good, bad)), api.token("gateway"));
		assertThat(batch.status()).isEqualTo(200);
		assertThat(batch.json().get("results").findValuesAsString("result")).containsExactly("CREATED", "DUPLICATE", "REJECTED");

		Response refunded = api.post(CAPTURE + "/" + good.get("reference") + "/refund", null, api.token("gateway"));
		assertThat(refunded.status()).isEqualTo(200);
		assertThat(api.post(CAPTURE + "/" + good.get("reference") + "/refund", null, api.token("gateway")).status())
			.isEqualTo(409);
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void overlapping_batches_sent_at_once_capture_each_reference_once_and_move_the_balance_by_exactly_its_net() throws Exception {
		var shop = fixtures.individual();
		MerchantId merchant = shop.profile().id();
		Money before = ledger.balance(LedgerAccount.merchantPayable(merchant));
		List<Map<String, Object>> items = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			Map<String, Object> item = capture(1000 + i, "QR_WECHAT", "NONE");
			item.put("merchantNo", shop.profile().merchantNo());
			item.put("terminalSn", shop.terminalSn());
			items.add(item);
		}
		String earlier = (String) items.get(0).get("reference");
		assertThat(api.post(CAPTURE, items.get(0), api.token("gateway")).status()).isEqualTo(201);
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Response> responses = new ArrayList<>();
		try {
			List<Callable<Response>> calls = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				// each batch holds the same 300 items, in its own order
				List<Map<String, Object>> shuffled = new ArrayList<>(items);
				java.util.Collections.rotate(shuffled, i * 75);
				calls.add(() -> api.post(CAPTURE + "/batch", Map.of("transactions", shuffled), api.token("gateway")));
			}
			for (Future<Response> future : pool.invokeAll(calls)) {
				responses.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
		List<String> results = responses.stream().flatMap(r -> r.json().get("results").findValuesAsString("result").stream())
			.toList();
		assertThat(results).hasSize(1200).doesNotContain("REJECTED");
		assertThat(results.stream().filter("CREATED"::equals).count()).isEqualTo(299);
		long captured = jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE reference IN (:refs)")
			.param("refs", items.stream().map(i -> i.get("reference")).toList()).query(Long.class).single();
		assertThat(captured).isEqualTo(300);
		assertThat(entries("CAPTURE", jdbc.sql("SELECT id FROM card_transaction WHERE reference = :r").param("r", earlier)
			.query(String.class).single())).isEqualTo(1);
		long net = jdbc.sql("SELECT SUM(net_fen) FROM card_transaction WHERE reference IN (:refs)")
			.param("refs", items.stream().map(i -> i.get("reference")).toList()).query(Long.class).single();
		assertThat(ledger.balance(LedgerAccount.merchantPayable(merchant))).isEqualTo(before.minus(Money.ofFen(net)));
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void a_reversal_posts_its_own_entry_and_only_once() {
		Map<String, Object> body = capture(4321, "CARD_CONTACTLESS", "DEBIT");
		String id = api.post(CAPTURE, body, api.token("gateway")).json().get("id").asString();
		assertThat(api.post(CAPTURE + "/" + body.get("reference") + "/reversal", null, api.token("gateway")).status())
			.isEqualTo(200);
		assertThat(entries("REVERSAL", id)).isEqualTo(1);
		assertThat(api.post(CAPTURE + "/" + body.get("reference") + "/refund", null, api.token("gateway")).status())
			.isEqualTo(409);
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void the_merchant_sees_its_transactions_newest_first() {
		Map<String, Object> body = capture(777, "QR_UNIONPAY", "NONE");
		api.post(CAPTURE, body, api.token("gateway"));
		var list = api.get("/api/v1/merchant/transactions", api.token("13800000001")).json();
		assertThat(list.findValuesAsString("reference")).contains((String) body.get("reference"));
		assertThat(api.get("/api/v1/merchant/transactions", api.token("13900000001")).json().findValuesAsString("reference"))
			.doesNotContain((String) body.get("reference"));
	}

	@Test
	void aCaptureTimeOutsideTheWindowAroundNowIsRefusedWithItsCode() {
		for (String at : List.of("+999999999-11-27T08:00:00Z", clock.instant().minus(Duration.ofDays(31)).toString(),
				clock.instant().plus(Duration.ofDays(2)).toString())) {
			Map<String, Object> body = capture(100, "QR_WECHAT", "NONE");
			body.put("occurredAt", at);
			Response response = api.post(CAPTURE, body, api.token("gateway"));
			assertThat(response.status()).as(at).isEqualTo(422);
			assertThat(response.json().get("errors").findValuesAsString("code")).containsExactly("OUT_OF_WINDOW");
		}
		assertThat(api.get("/api/v1/merchant/transactions", api.token("13800000001")).status()).isEqualTo(200);
	}

	@Test
	void moneyIsAWholeNumberOfFenWrittenAsANumber() {
		for (Object amount : List.of(1.5, "123", "\uff11\uff12\uff13", true, 1.0E3)) {
			Map<String, Object> body = capture(100, "QR_WECHAT", "NONE");
			body.put("amountFen", amount);
			Response response = api.post(CAPTURE, body, api.token("gateway"));
			assertThat(response.status()).as(String.valueOf(amount)).isEqualTo(422);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("amountFen");
			assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("INVALID_AMOUNT");
			assertThat(entriesFor((String) body.get("reference"))).isZero();
		}
	}

	@Test
	void a_refund_sent_again_with_its_idempotency_key_answers_the_first_refund_and_posts_nothing_twice() {
		Map<String, Object> body = capture(20000, "CARD_CHIP", "DEBIT");
		String reference = (String) body.get("reference");
		assertThat(api.post(CAPTURE, body, api.token("gateway")).status()).isEqualTo(201);
		String key = "refund-" + UUID.randomUUID();
		Response first = refund(reference, "refund", key);
		Response again = refund(reference, "refund", key);
		assertThat(first.status()).isEqualTo(200);
		assertThat(again.status()).as("the first answer, not a conflict").isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(entries("REFUND", first.json().get("id").asString())).isEqualTo(1);
		assertThat(refund(reference, "refund", null).status()).as("without a key: already refunded").isEqualTo(409);
		assertThat(refund(reference, "reversal", key).json().get("errors").get(0).get("code").asString())
			.isEqualTo("IDEMPOTENCY_KEY_REUSED");
	}

	@Test
	void eight_refunds_sent_at_once_with_one_key_all_answer_the_one_refund() throws Exception {
		Map<String, Object> body = capture(30000, "QR_ALIPAY", "NONE");
		String reference = (String) body.get("reference");
		assertThat(api.post(CAPTURE, body, api.token("gateway")).status()).isEqualTo(201);
		String key = "refund-" + UUID.randomUUID();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Response>> answers = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			answers.add(pool.submit(() -> refund(reference, "refund", key)));
		}
		for (Future<Response> answer : answers) {
			assertThat(answer.get().status()).isEqualTo(200);
		}
		pool.shutdown();
		String id = answers.get(0).get().json().get("id").asString();
		assertThat(entries("REFUND", id)).isEqualTo(1);
	}

	/**
	 * The embedded database gives up on a lock after about two seconds and ends the statement; the capture then goes
	 * again in a new transaction. (PostgreSQL waits without a limit here: there the capture lands on its first try.)
	 */
	@Test
	void a_batch_whose_balance_row_stays_locked_past_the_lock_timeout_is_tried_again_and_lands_once() throws Exception {
		var shop = fixtures.individual();
		transactions.captureAll(List.of(new Capture("LCK" + UUID.randomUUID().toString().substring(0, 18),
				shop.profile().merchantNo(), shop.terminalSn(), "QR_WECHAT", "NONE", 1000L, clock.instant())));
		LedgerAccount payable = LedgerAccount.merchantPayable(shop.profile().id());
		Money before = ledger.balance(payable);
		CountDownLatch locked = new CountDownLatch(1);
		ExecutorService holder = Executors.newSingleThreadExecutor();
		try {
			Future<?> holding = holder.submit(() -> tx.executeWithoutResult(status -> {
				jdbc.sql("UPDATE ledger_balance SET balance_fen = balance_fen WHERE account = :account")
					.param("account", payable.name()).update();
				locked.countDown();
				sleep(Duration.ofSeconds(3));
			}));
			locked.await();
			String reference = "LCK" + UUID.randomUUID().toString().substring(0, 18);
			var outcome = transactions.captureAll(List.of(new Capture(reference, shop.profile().merchantNo(),
					shop.terminalSn(), "QR_WECHAT", "NONE", 2000L, clock.instant()))).get(0);
			holding.get();
			assertThat(outcome.isRejected()).isFalse();
			assertThat(outcome.result().duplicate()).isFalse();
			assertThat(entriesFor(reference)).isEqualTo(1);
			assertThat(entries("CAPTURE", outcome.result().transaction().id().toString())).isEqualTo(1);
			assertThat(ledger.balance(payable)).isEqualTo(before.minus(outcome.result().transaction().net()));
		}
		finally {
			holder.shutdownNow();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private Response refund(String reference, String kind, String key) {
		var request = api.builder(CAPTURE + "/" + reference + "/" + kind, api.token("gateway"))
			.header("Content-Type", "application/json");
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return api.send(request.POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
	}

	private static long amountOf(Response capture) {
		return capture.json().get("feeFen").asLong() + capture.json().get("netFen").asLong();
	}

	private DistributionSummary groupSizes() {
		return meters.get("settledesk.capture.group.size").summary();
	}

	private long entriesFor(String reference) {
		return jdbc.sql("SELECT COUNT(*) FROM card_transaction WHERE reference = :r").param("r", reference)
			.query(Long.class).single();
	}

	private long entries(String kind, String reference) {
		return jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE kind = :k AND reference = :r").param("k", kind)
			.param("r", reference).query(Long.class).single();
	}

	private Map<String, Object> capture(long amount, String channel, String cardKind) {
		Map<String, Object> body = new HashMap<>();
		body.put("reference", "RRN" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
		body.put("merchantNo", "822100058120001");
		body.put("terminalSn", "T100000001");
		body.put("channel", channel);
		body.put("cardKind", cardKind);
		body.put("amountFen", amount);
		body.put("occurredAt", clock.instant().minus(Duration.ofMinutes(5)).toString());
		return body;
	}
}
