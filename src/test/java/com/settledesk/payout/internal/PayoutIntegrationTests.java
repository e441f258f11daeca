package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.settledesk.acquiring.Capture;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.ProtectedAccount;
import com.settledesk.settlementaccount.SettlementAccountChanged;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Money;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;

/** Sweeps, payouts and the bank, with the bank jobs run by the test so every step can be observed. */
class PayoutIntegrationTests extends PayoutTestSupport {

	@Autowired
	DataSource dataSource;

	@Autowired
	ApiClient api;

	@Test
	void the_bank_answers_a_repeated_payout_id_with_its_first_answer_and_reference_also_after_a_restart() {
		var merchant = fixtures.individual();
		UUID payout = UUID.randomUUID();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.PAID, null);
		BankChannel.Answer first = bank.book(payout, merchant.currentCard(), 4200);
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.FAILED, "户名不符");
		SimulatedBank restarted = new SimulatedBank(protector, clock, jdbc, new JdbcTemplate(dataSource),
				Path.of(System.getProperty("java.io.tmpdir")), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1));
		BankChannel.Answer again = restarted.book(payout, merchant.currentCard(), 4200);
		assertThat(again).isEqualTo(first);
		assertThat(again.outcome()).isEqualTo(BankChannel.Outcome.PAID);
		assertThat(restarted.book(UUID.randomUUID(), merchant.currentCard(), 4200).outcome())
			.as("the script, too, is kept").isEqualTo(BankChannel.Outcome.FAILED);
	}

	@Test
	void a_d0_sweep_pays_the_balance_less_the_surcharge_to_the_active_card() {
		TestMerchant merchant = fixtures.individual();
		capture(merchant, 100000, "CARD_CHIP", "DEBIT");
		assertThat(payouts.balance(merchant.profile().id()).available()).isEqualTo(Money.ofFen(99500));

		payouts.settle("D0");
		PayoutView payout = only(merchant);
		assertThat(payout.status()).isEqualTo(PayoutStatus.CREATED);
		assertThat(payout.gross()).isEqualTo(Money.ofFen(99500));
		assertThat(payout.fee()).isEqualTo(Money.ofFen(200));
		assertThat(payout.amount()).isEqualTo(Money.ofFen(99300));
		assertThat(payout.destinationMasked()).isEqualTo(Masking.maskAccountNumber(merchant.currentCard()));
		assertThat(payouts.balance(merchant.profile().id()).available()).isEqualTo(Money.ZERO);
		assertThat(payouts.balance(merchant.profile().id()).pending()).isEqualTo(Money.ofFen(99300));

		payouts.submitDue();
		assertThat(only(merchant).status()).isEqualTo(PayoutStatus.PAID);
		assertThat(payouts.balance(merchant.profile().id()).pending()).isEqualTo(Money.ZERO);
		assertThat(ledger.consistent()).isTrue();

		payouts.settle("D0");
		assertThat(payouts.ofMerchant(merchant.profile().id(), 10)).as("nothing is paid twice").hasSize(1);
	}

	@Test
	void a_sweep_split_into_chunks_on_several_threads_pays_every_due_merchant_once() {
		List<TestMerchant> merchants = new ArrayList<>();
		List<Money> owed = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			TestMerchant merchant = fixtures.individual();
			capture(merchant, 10_000 + i, "QR_WECHAT", "NONE");
			merchants.add(merchant);
			owed.add(payouts.balance(merchant.profile().id()).available());
		}

		var run = payouts.settle("D0");
		assertThat(run.payoutsCreated()).as("these seven and any earlier test left due").isGreaterThanOrEqualTo(7);
		for (int i = 0; i < merchants.size(); i++) {
			TestMerchant merchant = merchants.get(i);
			assertThat(only(merchant).gross()).isEqualTo(owed.get(i));
			assertThat(payouts.balance(merchant.profile().id()).available()).isEqualTo(Money.ZERO);
		}
		assertThat(payouts.settle("D0").payoutsCreated()).as("nothing is due twice").isZero();
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void a_failed_payout_puts_the_money_back_and_tells_the_merchant_in_words() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.FAILED, "户名不符");
		capture(merchant, 20000, "QR_WECHAT", "NONE");
		payouts.settle("D0");
		payouts.submitDue();

		PayoutView failed = only(merchant);
		assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("户名不符");
		assertThat(payouts.balance(merchant.profile().id()).available()).isEqualTo(Money.ofFen(20000 - 76));
		String notice = await().atMost(Duration.ofSeconds(5)).until(() -> api.get("/api/v1/dev/outbox?to=" + merchant.phone(),
				null).json().findValuesAsString("text").stream().filter(text -> text.contains("户名不符")).findFirst(),
				java.util.Optional::isPresent).orElseThrow();
		assertThat(notice).as("told by the notification side, after the failure committed")
			.contains(Masking.maskAccountNumber(merchant.currentCard())).contains("户名不符").contains("退回");
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void three_failures_in_a_row_hold_payouts_until_the_card_is_changed() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.FAILED, "卡片已冻结");
		capture(merchant, 30000, "CARD_SWIPE", "CREDIT");
		for (int round = 0; round < 3; round++) {
			clock.advance(Duration.ofSeconds(1));
			payouts.settle("D0");
			payouts.submitDue();
		}
		var balance = payouts.balance(merchant.profile().id());
		assertThat(balance.held()).isTrue();
		assertThat(balance.available()).isEqualTo(Money.ofFen(30000 - 180));
		assertThat(payouts.settle("D0").held()).isPositive();
		assertThat(payouts.ofMerchant(merchant.profile().id(), 10)).hasSize(3);

		String newCard = MerchantFixtures.icbcCard();
		switchCard(merchant, newCard);
		assertThat(payouts.balance(merchant.profile().id()).held()).isFalse();
		clock.advance(Duration.ofSeconds(1));
		payouts.settle("D0");
		payouts.submitDue();
		PayoutView paid = payouts.ofMerchant(merchant.profile().id(), 10).get(0);
		assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
		assertThat(paid.destinationMasked()).isEqualTo(Masking.maskAccountNumber(newCard));
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void a_bank_timeout_is_retried_after_a_backoff_and_pays_once() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.TIMEOUT, null);
		capture(merchant, 50000, "CARD_CHIP", "DEBIT");
		payouts.settle("D0");
		payouts.submitDue();
		PayoutView waiting = only(merchant);
		assertThat(waiting.status()).as("no definite answer: unknown until the bank is asked").isEqualTo(PayoutStatus.UNKNOWN);
		assertThat(waiting.attempts()).isEqualTo(1);

		payouts.submitDue();
		assertThat(only(merchant).attempts()).as("not again before the backoff").isEqualTo(1);
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.PAID, null);
		clock.advance(Duration.ofSeconds(6));
		payouts.submitDue();
		assertThat(only(merchant).status()).isEqualTo(PayoutStatus.PAID);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE kind = 'PAYOUT_PAID' AND reference = :id")
			.param("id", waiting.id().toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void payouts_not_yet_sent_follow_a_card_change_and_sent_ones_stay_with_the_old_card() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.TIMEOUT, null);
		capture(merchant, 40000, "CARD_CHIP", "DEBIT");
		payouts.settle("D0");
		payouts.submitDue();
		UUID sent = only(merchant).id();
		clock.advance(Duration.ofMinutes(1));
		capture(merchant, 10000, "CARD_CHIP", "DEBIT");
		payouts.settle("D0");
		UUID unsent = payouts.ofMerchant(merchant.profile().id(), 10).get(0).id();

		String newCard = MerchantFixtures.icbcCard();
		switchCard(merchant, newCard);
		assertThat(payout(unsent).destinationMasked()).isEqualTo(Masking.maskAccountNumber(newCard));
		assertThat(payout(sent).destinationMasked()).isEqualTo(Masking.maskAccountNumber(merchant.currentCard()));
	}

	@Test
	void a_returned_payout_goes_back_to_the_balance_and_is_paid_again_to_the_card_active_then() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.RETURNED, "收款账户已销户");
		capture(merchant, 60000, "CARD_CHIP", "DEBIT");
		payouts.settle("D0");
		payouts.submitDue();
		UUID first = only(merchant).id();
		assertThat(payout(first).status()).isEqualTo(PayoutStatus.PAID);

		String newCard = MerchantFixtures.icbcCard();
		switchCard(merchant, newCard);
		clock.advance(Duration.ofSeconds(2));
		payouts.collectReturns();
		assertThat(payout(first).status()).isEqualTo(PayoutStatus.RETURNED);
		assertThat(payouts.balance(merchant.profile().id()).available()).isEqualTo(Money.ofFen(60000 - 300));

		payouts.settle("D0");
		payouts.submitDue();
		PayoutView again = payouts.ofMerchant(merchant.profile().id(), 10).get(0);
		assertThat(again.id()).isNotEqualTo(first);
		assertThat(again.status()).isEqualTo(PayoutStatus.PAID);
		assertThat(again.destinationMasked()).isEqualTo(Masking.maskAccountNumber(newCard));
		assertThat(ledger.consistent()).isTrue();
	}

	@Test
	void t1_pays_only_what_was_captured_before_today_and_only_on_a_working_day() {
		TestMerchant merchant = fixtures.individual(SettlementMode.T1);
		capture(merchant, 10000, "QR_ALIPAY", "NONE");
		payouts.settle("T1");
		assertThat(payouts.ofMerchant(merchant.profile().id(), 10)).as("captured today: not yet due").isEmpty();

		advanceToNextWorkingDay();
		var run = payouts.settle("T1");
		assertThat(run.workingDay()).isTrue();
		assertThat(only(merchant).amount()).isEqualTo(Money.ofFen(10000 - 38));
	}

	@Test
	void the_operators_run_a_settlement_on_demand() {
		TestMerchant merchant = fixtures.individual();
		capture(merchant, 8888, "QR_WECHAT", "NONE");
		var run = api.post("/api/v1/ops/settlement/runs", Map.of("mode", "D0"), api.token("admin"));
		assertThat(run.status()).isEqualTo(200);
		assertThat(run.json().get("payoutsCreated").asInt()).isPositive();
		assertThat(api.post("/api/v1/ops/settlement/runs", Map.of("mode", "X"), api.token("admin")).status()).isEqualTo(422);
		assertThat(api.get("/api/v1/merchant/payouts", api.token(merchant.owner())).json().get(0).get("status").asString())
			.isEqualTo("CREATED");
	}

	@Test
	void finance_asks_the_bank_again_and_holds_and_releases_payouts_with_an_audit_trail() {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.TIMEOUT, null);
		capture(merchant, 30000, "CARD_CHIP", "DEBIT");
		payouts.settle("D0");
		payouts.submitDue();
		UUID waiting = only(merchant).id();
		assertThat(api.post("/api/v1/ops/payouts/" + waiting + "/retry", null, api.token("reviewer1")).status()).isEqualTo(403);
		bank.script(merchant.currentCard(), SimulatedBank.Scripted.PAID, null);
		assertThat(api.post("/api/v1/ops/payouts/" + waiting + "/retry", null, api.token("admin")).status()).isEqualTo(204);
		payouts.submitDue();
		assertThat(payout(waiting).status()).isEqualTo(PayoutStatus.PAID);
		assertThat(api.post("/api/v1/ops/payouts/" + waiting + "/retry", null, api.token("admin")).status()).isEqualTo(409);

		String merchantNo = merchant.profile().merchantNo();
		assertThat(api.post("/api/v1/ops/payouts/holds", Map.of("merchantNo", merchantNo), api.token("admin")).status())
			.isEqualTo(422);
		assertThat(api.post("/api/v1/ops/payouts/holds", Map.of("merchantNo", merchantNo, "reason", "疑似盗用，待核实"),
				api.token("admin")).status()).isEqualTo(204);
		capture(merchant, 5000, "QR_WECHAT", "NONE");
		clock.advance(Duration.ofSeconds(1));
		payouts.settle("D0");
		assertThat(payouts.ofMerchant(merchant.profile().id(), 10)).hasSize(1);
		assertThat(api.get("/api/v1/merchant/balance", api.token(merchant.owner())).json().get("held").asBoolean()).isTrue();
		assertThat(api.post("/api/v1/ops/payouts/holds/" + merchantNo + "/release", null, api.token("admin")).status())
			.isEqualTo(204);
		payouts.settle("D0");
		assertThat(payouts.ofMerchant(merchant.profile().id(), 10)).hasSize(2);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action IN ('PAYOUT_RETRY_REQUESTED', 'PAYOUTS_HELD', 'PAYOUTS_RELEASED') AND actor = 'admin' AND (target_id = :p OR target_id = :m)")
			.param("p", waiting.toString()).param("m", merchant.profile().id().toString()).query(Long.class).single())
			.isEqualTo(3);
		assertThat(api.get("/api/v1/ops/payouts/summary", api.token("agent1")).json().get("PAID").asLong()).isPositive();
	}

	private void advanceToNextWorkingDay() {
		BusinessCalendar calendar = new BusinessCalendar();
		var today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"));
		var next = calendar.nextWorkingDayAfter(today);
		clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(today, next)));
	}

	private void switchCard(TestMerchant merchant, String card) {
		var bound = accounts.switchTo(merchant.profile().id(), new ProtectedAccount(AccountType.PERSONAL, merchant.legalName(),
				protector.encrypt(card).toStorage(), protector.fingerprint(card), Masking.maskAccountNumber(card), "ICBC",
				"中国工商银行", null, null, null, merchant.phone()), "test");
		payouts.on(new SettlementAccountChanged(merchant.profile().id().value(), null, bound.id().value(),
				bound.accountNumberMasked(), clock.instant()));
		await().atMost(Duration.ofSeconds(5)).until(() -> !payouts.balance(merchant.profile().id()).held());
	}

	private PayoutView only(TestMerchant merchant) {
		var list = payouts.ofMerchant(merchant.profile().id(), 10);
		assertThat(list).hasSize(1);
		return list.get(0);
	}

	private PayoutView payout(UUID id) {
		return jdbc.sql("SELECT merchant_id FROM payout WHERE id = :id").param("id", id)
			.query((rs, row) -> new com.settledesk.shared.MerchantId(rs.getObject(1, UUID.class))).optional()
			.map(m -> payouts.ofMerchant(m, 50).stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow())
			.orElseThrow();
	}

	private void capture(TestMerchant merchant, long amountFen, String channel, String cardKind) {
		var result = transactions.capture(new Capture("RRN" + UUID.randomUUID().toString().substring(0, 18),
				merchant.profile().merchantNo(), merchant.terminalSn(), channel, cardKind, amountFen, clock.instant()));
		assertThat(result.duplicate()).isFalse();
	}
}
