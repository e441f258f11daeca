package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.ApiClient.Response;
import com.settledesk.testsupport.ChangeRequestDriver;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;
import com.settledesk.testsupport.RecordedAccountChanges;

/** The operator side (api-v1.md, "Operations"): risk, review, four eyes, cut-over, notices. */
@IntegrationTest
class CardChangeReviewIntegrationTests {

	private static final String OPS = "/api/v1/ops/settlement-card/change-requests";

	@Autowired
	ApiClient api;

	@Autowired
	Terminals terminals;

	@Autowired
	RecordedAccountChanges accountChanges;

	@Autowired
	Transactions transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	SettlementAccounts accounts;
	TestMerchant merchant;
	ChangeRequestDriver driver;

	@BeforeEach
	void freshMerchant() {
		merchant = fixtures.individual();
		driver = new ChangeRequestDriver(api, fixtures, merchant);
	}

	@Test
	void one_reviewer_approves_a_request_and_the_new_card_takes_over_with_the_old_unbound_and_terminals_rebound() {
		String newCard = MerchantFixtures.icbcCard();
		String id = driver.submitChange(newCard);
		JsonWait.assessed(api, OPS, id);
		var queued = api.get(OPS + "/" + id, api.token("reviewer1")).json();
		assertThat(queued.get("riskLevel").asString()).isEqualTo("LOW");
		assertThat(queued.get("fourEyes").asBoolean()).isFalse();

		Response approved = api.post(OPS + "/" + id + "/approve", Map.of("note", "材料齐全"), api.token("reviewer1"));
		assertThat(approved.status()).as(approved.body()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isIn("SCHEDULED", "EFFECTIVE");

		await().atMost(Duration.ofSeconds(5)).until(() -> driver.status(id).equals("EFFECTIVE"));
		String masked = newCard.substring(0, 6) + "*********" + newCard.substring(15);
		var current = api.get("/api/v1/merchant/settlement-account", driver.token()).json();
		assertThat(current.get("accountNumberMasked").asString()).isEqualTo(masked);
		var history = api.get("/api/v1/merchant/settlement-account/history", driver.token()).json();
		assertThat(history.get(0).get("accountNumberMasked").asString()).endsWith(merchant.currentCard().substring(15));
		assertThat(history.get(0).get("unboundAt").asString()).isNotBlank();

		var terminal = terminals.ofMerchant(merchant.profile().id()).get(0);
		assertThat(accounts.active(merchant.profile().id()).orElseThrow().id()).isEqualTo(terminal.settlementAccountId());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM terminal_binding WHERE merchant_id = :m")
			.param("m", merchant.profile().id().value()).query(Long.class).single()).isEqualTo(1);
		await().atMost(Duration.ofSeconds(5)).until(() -> !accountChanges.of(merchant.profile().id().value()).isEmpty());
		assertThat(accountChanges.of(merchant.profile().id().value()).get(0).newAccountMasked()).isEqualTo(masked);

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(
				api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).json().findValuesAsString("text"))
			.anyMatch(t -> t.contains("已生效") && t.contains(masked)));
	}

	@Test
	void a_high_risk_request_needs_a_senior_reviewer_who_is_not_the_first() {
		String id = submitForAnotherHolder();
		JsonWait.assessed(api, OPS, id);
		var queued = api.get(OPS + "/" + id, api.token("reviewer1")).json();
		assertThat(queued.get("riskLevel").asString()).isEqualTo("HIGH");
		assertThat(queued.get("riskReasons").toString()).contains("HOLDER_NOT_LEGAL_REPRESENTATIVE");

		Response first = api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer1"));
		assertThat(first.json().get("status").asString()).isEqualTo("PENDING_SECOND_REVIEW");
		assertThat(api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer1")).status()).isEqualTo(403);
		Response second = api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer2"));
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(second.json().get("firstReviewer").asString()).isEqualTo("reviewer1");
		assertThat(second.json().get("secondReviewer").asString()).isEqualTo("reviewer2");
		assertThat(second.json().get("secondReviewedAt").asString()).isNotBlank();
	}

	@Test
	void the_same_senior_reviewer_cannot_give_both_approvals() {
		String id = submitForAnotherHolder();
		JsonWait.assessed(api, OPS, id);
		assertThat(api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer2")).json().get("status").asString())
			.isEqualTo("PENDING_SECOND_REVIEW");
		Response again = api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer2"));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("code").asString()).isEqualTo("SECOND_REVIEWER_MUST_DIFFER");
	}

	@Test
	void eight_approvals_at_once_make_exactly_one_decision() throws Exception {
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, id);
		String token = api.token("reviewer1");
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> calls = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(() -> api.post(OPS + "/" + id + "/approve", Map.of(), token).status());
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> future : pool.invokeAll(calls)) {
				statuses.add(future.get());
			}
			assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
			assertThat(statuses).filteredOn(s -> s == 409).hasSize(7);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void a_rejection_needs_a_reason_the_merchant_then_reads_and_the_old_card_stays() {
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, id);
		assertThat(api.post(OPS + "/" + id + "/reject", Map.of(), api.token("reviewer1")).status()).isEqualTo(422);
		Response rejected = api.post(OPS + "/" + id + "/reject", Map.of("reason", "银行卡照片与卡号不一致"), api.token("reviewer1"));
		assertThat(rejected.status()).isEqualTo(200);
		var seen = driver.get(id).json();
		assertThat(seen.get("status").asString()).isEqualTo("REJECTED");
		assertThat(seen.get("rejectReason").asString()).isEqualTo("银行卡照片与卡号不一致");
		assertThat(api.get("/api/v1/merchant/settlement-account", driver.token()).json().get("accountNumberMasked").asString())
			.endsWith(merchant.currentCard().substring(15));
		assertThat(api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer1")).status()).isEqualTo(409);
		await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).json()
			.findValuesAsString("text").stream().anyMatch(t -> t.contains("银行卡照片与卡号不一致")));
	}

	@Test
	void a_request_for_information_goes_back_to_the_merchant() {
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, id);
		Response asked = api.post(OPS + "/" + id + "/request-info", Map.of("message", "请补充开户行流水"), api.token("reviewer1"));
		assertThat(asked.json().get("status").asString()).isEqualTo("NEEDS_INFO");
		assertThat(driver.get(id).json().get("infoRequest").asString()).isEqualTo("请补充开户行流水");
	}

	@Test
	void nobody_approves_before_the_verification_answers() {
		String card = MerchantFixtures.icbcCard();
		api.post("/api/v1/dev/verification/outcomes", Map.of("accountNumber", card, "outcome", "TIMEOUT"), null);
		String id = driver.submitChange(card);
		JsonWait.assessed(api, OPS, id);
		Response early = api.post(OPS + "/" + id + "/approve", Map.of(), api.token("reviewer1"));
		assertThat(early.status()).isEqualTo(409);
		assertThat(early.json().get("code").asString()).isEqualTo("VERIFICATION_PENDING");
	}

	@Test
	void administrators_see_the_queue_but_do_not_decide_and_agents_do_not_see_it() {
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		assertThat(api.get(OPS + "/" + id, api.token("admin")).status()).isEqualTo(200);
		assertThat(api.get(OPS + "/" + id, api.token("agent1")).status()).isEqualTo(403);
		assertThat(api.post(OPS + "/" + id + "/approve", Map.of(), api.token("agent1")).status()).isEqualTo(403);
		assertThat(api.post(OPS + "/" + id + "/approve", Map.of(), api.token("admin")).status()).isEqualTo(403);
		assertThat(api.post(OPS + "/" + id + "/approve", Map.of(), driver.token()).status()).isEqualTo(403);
	}

	@Test
	void seeing_the_full_number_is_a_permission_asks_for_a_reason_and_is_audited() {
		String card = MerchantFixtures.icbcCard();
		String id = driver.submitChange(card);
		assertThat(api.post(OPS + "/" + id + "/reveal", Map.of("reason", "核对"), api.token("reviewer1")).status())
			.isEqualTo(403);
		assertThat(api.post(OPS + "/" + id + "/reveal", Map.of("field", "ACCOUNT_NUMBER"), api.token("reviewer2")).status())
			.isEqualTo(422);
		Response revealed = api.post(OPS + "/" + id + "/reveal", Map.of("field", "ACCOUNT_NUMBER", "reason", "商户来电核对卡号"),
				api.token("reviewer2"));
		assertThat(revealed.json().get("value").asString()).isEqualTo(card);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'FULL_NUMBER_REVEALED' AND target_id = :id AND actor = 'reviewer2' AND after_state LIKE '%商户来电核对卡号%'")
			.param("id", id).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void the_queue_filters_by_status_risk_and_age() {
		String low = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, low);
		String token = api.token("reviewer1");
		assertThat(api.get(OPS + "?status=PENDING_REVIEW&risk=LOW", token).json().findValuesAsString("id")).contains(low);
		assertThat(api.get(OPS + "?risk=HIGH", token).json().findValuesAsString("id")).doesNotContain(low);
		assertThat(api.get(OPS + "?olderThanHours=1", token).json().findValuesAsString("id")).doesNotContain(low);
		assertThat(api.get(OPS + "?status=NOPE", token).status()).isEqualTo(422);
	}

	@Test
	void metrics_count_requests_by_status_and_time_decisions() {
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, id);
		api.post(OPS + "/" + id + "/reject", Map.of("reason", "测试"), api.token("reviewer1"));
		String metrics = api.get("/actuator/prometheus", api.token("admin")).body();
		assertThat(metrics).contains("settledesk_cardchange_requests{").contains("status=\"REJECTED\"")
			.contains("settledesk_cardchange_decision_time_seconds_count");
	}

	@Test
	void the_merchant_finds_the_notices_in_the_portal_inbox() {
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, id);
		api.post(OPS + "/" + id + "/request-info", Map.of("message", "补充材料"), api.token("reviewer1"));
		await().atMost(Duration.ofSeconds(5)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM inbox_message WHERE merchant_id = :m AND read_at IS NULL")
			.param("m", merchant.profile().id().value()).query(Long.class).single() == 1);
	}

	@Test
	void a_large_balance_waiting_for_the_new_card_is_a_risk_signal() {
		transactions.capture(new Capture("RRN" + java.util.UUID.randomUUID().toString().substring(0, 18),
				merchant.profile().merchantNo(), merchant.terminalSn(), "CARD_CHIP", "CREDIT", 1_000_000L,
				java.time.Instant.now()));
		String id = driver.submitChange(MerchantFixtures.icbcCard());
		JsonWait.assessed(api, OPS, id);
		var review = api.get(OPS + "/" + id, api.token("reviewer1")).json();
		assertThat(review.get("riskReasons").toString()).contains("LARGE_PENDING_PAYOUT");
		assertThat(review.get("riskLevel").asString()).isEqualTo("MEDIUM");
	}

	private String submitForAnotherHolder() {
		List<String> materials = new ArrayList<>(driver.materials());
		materials.add(driver.upload("AUTHORIZATION"));
		var body = driver.body(MerchantFixtures.icbcCard(), materials);
		body.put("accountName", "王五");
		body.put("holderIdNumber", MerchantFixtures.randomId());
		Response response = driver.submit(body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json().get("id").asString();
	}

	/** Routing (risk assessment) runs after commit; decisions wait for it like a reviewer would. */
	static final class JsonWait {

		static void assessed(ApiClient api, String ops, String id) {
			await().atMost(Duration.ofSeconds(10)).until(() -> api.get(ops + "/" + id, api.token("reviewer1")).json()
				.has("riskLevel"));
		}

		private JsonWait() {
		}
	}
}
