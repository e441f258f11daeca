package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.settledesk.acquiring.Capture;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.internal.Iso20022Messages.Booking;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.testsupport.MerchantFixtures.TestMerchant;

/**
 * The ISO 20022 file channel end to end, step by step: the payout leaves in a pain.001, the simulated bank
 * answers with pain.002 and camt.054 files through the same folders, the payout follows the answer.
 */
@TestPropertySource(properties = { "settledesk.bank.channel=iso20022", "settledesk.bank.simulator.enabled=true",
		"settledesk.bank.folder=${java.io.tmpdir}/settledesk-iso-bank-${random.uuid}",
		"settledesk.bank.flush-interval=1h", "settledesk.bank.poll-interval=1h", "settledesk.bank.simulator.interval=1h",
		"settledesk.bank.debtor.name=结算台支付服务有限公司", "settledesk.bank.debtor.account=1001234509000012345",
		"settledesk.bank.debtor.bic=ICBKCNBJ" })
class Iso20022BankChannelIntegrationTests extends PayoutTestSupport {

	@Autowired
	Iso20022BankChannel channel;

	@Autowired
	FileBankSimulator bankHost;

	@Autowired
	LocalFolderTransport folders;

	@Autowired
	com.settledesk.testsupport.ApiClient api;

	@Test
	void a_payout_leaves_as_a_pain_001_and_is_paid_once_on_the_banks_booking_whatever_is_sent_twice() throws Exception {
		PayoutView payout = submitted(SimulatedBank.Scripted.PAID, null);
		channel.sendQueued();
		String pain001 = newest(folders.outgoingFolder(), ".pain001.xml");
		var transfers = MxPain00100109.parse(pain001).getCstmrCdtTrfInitn().getPmtInf().get(0).getCdtTrfTxInf();
		assertThat(transfers).anySatisfy(tx -> {
			assertThat(tx.getPmtId().getEndToEndId()).isEqualTo(payout.id().toString());
			assertThat(tx.getAmt().getInstdAmt().getValue()).isEqualByComparingTo(Iso20022Messages.yuan(payout.amount().fen()));
			assertThat(tx.getAmt().getInstdAmt().getCcy()).isEqualTo("CNY");
		});

		bankHost.work();
		channel.readAnswers();
		askAgain();
		PayoutView paid = payouts.ofMerchant(payout.merchantId(), 1).get(0);
		assertThat(paid.status()).isEqualTo(PayoutStatus.PAID);
		String reference = jdbc.sql("SELECT bank_reference FROM payout WHERE id = :id").param("id", payout.id())
			.query(String.class).single();
		assertThat(reference).isNotBlank()
			.isEqualTo(jdbc.sql("SELECT bank_reference FROM sim_bank_transfer WHERE payout_id = :id").param("id", payout.id())
				.query(String.class).single());

		var shown = api.get("/api/v1/dev/bank/messages?type=pain.001&limit=5", null);
		assertThat(shown.status()).isEqualTo(200);
		assertThat(shown.json().get(0).get("type").asString()).isEqualTo("pain.001");
		assertThat(shown.json().get(0).get("xml").asString()).contains("pain.001.001.09");
		assertThat(api.get("/api/v1/dev/bank/messages?type=camt.054", null).json()).isNotEmpty();
		assertThat(jdbc.sql("SELECT content FROM bank_message WHERE type = 'pain.001'").query(String.class).list())
			.as("bank files carry full account numbers: kept encrypted").allSatisfy(c -> assertThat(c).doesNotContain("<"));

		var page = api.send(api.builder("/ops/bank-files", null).header("Cookie", api.webLogin("finance1"))
			.header("Accept", "text/html").GET());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("pain.001", "camt.054", "已处理").doesNotContain(payout.id().toString() + "</");
		var agent = api.send(api.builder("/ops/bank-files", null).header("Cookie", api.webLogin("agent1"))
			.header("Accept", "text/html").GET());
		assertThat(agent.status()).isEqualTo(403);

		long messages = count("bank_message");
		Path booking = archived(".camt054.xml");
		Files.copy(booking, folders.incomingFolder().resolve("again-" + booking.getFileName()));
		channel.readAnswers();
		askAgain();
		assertThat(count("bank_message")).as("the same answer again is not recorded twice").isEqualTo(messages);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE kind = 'PAYOUT_PAID' AND reference = :id")
			.param("id", payout.id().toString()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_transfer_the_bank_rejects_fails_with_the_reason_in_words() throws Exception {
		PayoutView payout = submitted(SimulatedBank.Scripted.FAILED, "户名不符");
		channel.sendQueued();
		bankHost.work();
		channel.readAnswers();
		askAgain();
		PayoutView failed = payouts.ofMerchant(payout.merchantId(), 1).get(0);
		assertThat(failed.status()).isEqualTo(PayoutStatus.FAILED);
		assertThat(failed.failureReason()).isEqualTo("户名与账号不符（BE01）");
	}

	@Test
	void a_payout_the_bank_returns_later_comes_back_to_the_balance() throws Exception {
		PayoutView payout = submitted(SimulatedBank.Scripted.RETURNED, "收款账户已销户");
		channel.sendQueued();
		bankHost.work();
		channel.readAnswers();
		askAgain();
		assertThat(payouts.ofMerchant(payout.merchantId(), 1).get(0).status()).isEqualTo(PayoutStatus.PAID);
		clock.advance(Duration.ofSeconds(2));
		bankHost.work();
		channel.readAnswers();
		payouts.collectReturns();
		PayoutView returned = payouts.ofMerchant(payout.merchantId(), 1).get(0);
		assertThat(returned.status()).isEqualTo(PayoutStatus.RETURNED);
		assertThat(returned.failureReason()).isEqualTo("账户已销户（AC04）");
	}

	@Test
	void a_transfer_left_unanswered_before_a_restart_of_the_bank_is_still_answered_after_it() throws Exception {
		PayoutView payout = submitted(SimulatedBank.Scripted.TIMEOUT, null);
		channel.sendQueued();
		bankHost.work();
		channel.readAnswers();
		askAgain();
		assertThat(payouts.ofMerchant(payout.merchantId(), 1).get(0).status()).isEqualTo(PayoutStatus.SUBMITTED);

		FileBankSimulator restartedHost = new FileBankSimulator(bank, folders, clock, "1001234509000012345");
		bank.script(cardOf(payout), SimulatedBank.Scripted.PAID, null);
		restartedHost.work();
		channel.readAnswers();
		askAgain();
		assertThat(payouts.ofMerchant(payout.merchantId(), 1).get(0).status()).isEqualTo(PayoutStatus.PAID);
	}

	private String cardOf(PayoutView payout) {
		return protector.decrypt(EncryptedValue.fromStorage(jdbc.sql(
				"SELECT destination_cipher FROM payout WHERE id = :id").param("id", payout.id()).query(String.class).single()));
	}

	@Test
	void an_answer_about_a_transfer_never_sent_changes_nothing() throws Exception {
		UUID stranger = UUID.randomUUID();
		Files.writeString(folders.incomingFolder().resolve("stranger.camt054.xml"), Iso20022Messages.camt054("X1",
				OffsetDateTime.now(), "1001", List.of(new Booking(stranger, 100, false, "BANKX", null, null))));
		channel.readAnswers();
		assertThat(jdbc.sql("SELECT note FROM bank_message WHERE name = 'stranger.camt054.xml'").query(String.class).single())
			.contains("1 unknown");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM bank_transfer WHERE payout_id = :id").param("id", stranger)
			.query(Long.class).single()).isZero();
	}

	private PayoutView submitted(SimulatedBank.Scripted outcome, String reason) {
		TestMerchant merchant = fixtures.individual();
		bank.script(merchant.currentCard(), outcome, reason);
		transactions.capture(new Capture("FC" + UUID.randomUUID().toString().substring(0, 18),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 123456L, clock.instant()));
		payouts.settle("D0");
		payouts.submitDue();
		PayoutView payout = payouts.ofMerchant(merchant.profile().id(), 1).get(0);
		assertThat(payout.status()).as("no answer before the bank's files").isEqualTo(PayoutStatus.SUBMITTED);
		return payout;
	}

	/** The payout is asked about again once its backoff has passed, as the submit job does. */
	private void askAgain() {
		clock.advance(Duration.ofMinutes(11));
		payouts.submitDue();
	}

	private long count(String table) {
		return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
	}

	private static String newest(Path folder, String suffix) throws Exception {
		try (Stream<Path> files = Files.list(folder)) {
			Path file = files.filter(f -> f.getFileName().toString().endsWith(suffix)).max(java.util.Comparator.comparing(f -> {
				try {
					return Files.getLastModifiedTime(f);
				}
				catch (java.io.IOException e) {
					throw new java.io.UncheckedIOException(e);
				}
			})).orElseThrow();
			return Files.readString(file);
		}
	}

	private Path archived(String suffix) throws Exception {
		try (Stream<Path> files = Files.list(folders.incomingFolder().resolveSibling("archive"))) {
			return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElseThrow();
		}
	}
}
