package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.settledesk.acquiring.Capture;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.ProtectedAccount;
import com.settledesk.settlementaccount.SettlementAccountChanged;
import com.settledesk.shared.Masking;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;

/**
 * Random sequences of captures, refunds, sweeps, bank outcomes, returns and card changes (seeded, the seed is
 * in every failure message). After each step, per merchant and to the fen: captured = balance + payouts on
 * their way or paid + fees; the ledger balances; no payout is paid twice; every payout goes to the account
 * active when it was created or to one it was re-pointed to before it was sent.
 */
class MoneyPathPropertyIntegrationTests extends PayoutTestSupport {

	private static final String[] CHANNELS = { "CARD_SWIPE", "CARD_CHIP", "CARD_CONTACTLESS", "QR_WECHAT", "QR_ALIPAY",
			"QR_UNIONPAY" };

	@ParameterizedTest(name = "seed {0}")
	@ValueSource(longs = { 20261125L, 7L, 424242L, 99991L })
	void no_fen_is_lost_or_paid_twice_whatever_happens(long seed) {
		Random random = new Random(seed);
		List<TestMerchant> merchants = List.of(fixtures.individual(), fixtures.individual(), fixtures.individual());
		Map<TestMerchant, String> cards = new HashMap<>();
		merchants.forEach(m -> cards.put(m, m.currentCard()));
		List<String> captured = new ArrayList<>();
		Map<UUID, Set<UUID>> allowedDestinations = new HashMap<>();

		for (int step = 0; step < 60; step++) {
			TestMerchant merchant = merchants.get(random.nextInt(merchants.size()));
			int action = random.nextInt(100);
			String what;
			if (action < 40) {
				String reference = "P" + seed + "-" + step + "-" + UUID.randomUUID().toString().substring(0, 8);
				String channel = CHANNELS[random.nextInt(CHANNELS.length)];
				String kind = channel.startsWith("QR") ? "NONE" : (random.nextBoolean() ? "DEBIT" : "CREDIT");
				transactions.capture(new Capture(reference, merchant.profile().merchantNo(), merchant.terminalSn(), channel,
						kind, 1L + random.nextInt(600_000), clock.instant()));
				captured.add(reference);
				what = "capture";
			}
			else if (action < 48 && !captured.isEmpty()) {
				String reference = captured.remove(random.nextInt(captured.size()));
				transactions.refund(reference, null);
				what = "refund";
			}
			else if (action < 62) {
				Set<UUID> before = payoutIds();
				payouts.settle("D0");
				for (TestMerchant m : merchants) {
					UUID active = accounts.active(m.profile().id()).orElseThrow().id().value();
					payouts.ofMerchant(m.profile().id(), 500).stream().filter(p -> !before.contains(p.id()))
						.forEach(p -> allowedDestinations.put(p.id(), new HashSet<>(Set.of(active))));
				}
				what = "sweep";
			}
			else if (action < 72) {
				var outcomes = SimulatedBank.Scripted.values();
				bank.script(cards.get(merchant), outcomes[random.nextInt(outcomes.length)], "银行原因" + step);
				what = "bank outcome";
			}
			else if (action < 88) {
				payouts.submitDue();
				bankWorks();
				what = "submit";
			}
			else if (action < 95) {
				clock.advance(Duration.ofSeconds(random.nextInt(20)));
				bankWorks();
				payouts.collectReturns();
				what = "returns";
			}
			else {
				String card = MerchantFixtures.icbcCard();
				var bound = accounts.switchTo(merchant.profile().id(), new ProtectedAccount(AccountType.PERSONAL,
						merchant.legalName(), protector.encrypt(card).toStorage(), protector.fingerprint(card),
						Masking.maskAccountNumber(card), "ICBC", "中国工商银行", null, null, null, merchant.phone()), "property test");
				payouts.ofMerchant(merchant.profile().id(), 500).stream().filter(p -> p.status() == PayoutStatus.CREATED)
					.forEach(p -> allowedDestinations.computeIfAbsent(p.id(), k -> new HashSet<>()).add(bound.id().value()));
				payouts.on(new SettlementAccountChanged(merchant.profile().id().value(), null, bound.id().value(),
						bound.accountNumberMasked(), clock.instant()));
				cards.put(merchant, card);
				what = "card change";
			}
			String context = "seed " + seed + ", step " + step + " (" + what + ")";
			assertInvariants(merchants, allowedDestinations, context);
		}
	}

	/** What the bank does between two steps; nothing when it answers every call at once (the direct channel). */
	void bankWorks() {
	}

	private void assertInvariants(List<TestMerchant> merchants, Map<UUID, Set<UUID>> allowedDestinations, String context) {
		assertThat(ledger.consistent()).as(context + ": ledger balances").isTrue();
		for (TestMerchant m : merchants) {
			var id = m.profile().id().value();
			long captured = sum("SELECT COALESCE(SUM(amount_fen), 0) FROM card_transaction WHERE merchant_id = :m AND status = 'CAPTURED'", id);
			long fees = sum("SELECT COALESCE(SUM(fee_fen), 0) FROM card_transaction WHERE merchant_id = :m AND status = 'CAPTURED'", id);
			long out = sum("SELECT COALESCE(SUM(gross_fen), 0) FROM payout WHERE merchant_id = :m AND status IN ('CREATED', 'SUBMITTED', 'UNKNOWN', 'PAID')", id);
			long balance = payouts.balance(m.profile().id()).available().fen();
			assertThat(captured).as(context + ": captured = balance + payouts out + fees, merchant " + id)
				.isEqualTo(balance + out + fees);
			for (PayoutView p : payouts.ofMerchant(m.profile().id(), 500)) {
				assertThat(allowedDestinations.get(p.id())).as(context + ": destination of payout " + p.id())
					.contains(p.destinationAccountId());
			}
		}
		long paidTwice = jdbc.sql("SELECT COUNT(*) FROM (SELECT reference FROM journal_entry WHERE kind = 'PAYOUT_PAID' GROUP BY reference HAVING COUNT(*) > 1) x")
			.query(Long.class).single();
		assertThat(paidTwice).as(context + ": no payout paid twice").isZero();
	}

	private long sum(String sql, UUID merchantId) {
		return jdbc.sql(sql).param("m", merchantId).query(Long.class).single();
	}

	private Set<UUID> payoutIds() {
		return new HashSet<>(jdbc.sql("SELECT id FROM payout").query((rs, row) -> rs.getObject(1, UUID.class)).list());
	}
}
