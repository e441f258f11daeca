package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The same seeded-random money path with payouts going to the bank as ISO 20022 files: between steps the
 * queued transfers leave in a pain.001, the simulated bank answers with pain.002 and camt.054 files, and the
 * answers are read. No fen is lost or paid twice either way.
 */
@TestPropertySource(properties = { "settledesk.bank.channel=iso20022", "settledesk.bank.simulator.enabled=true",
		"settledesk.bank.folder=${java.io.tmpdir}/settledesk-money-path-bank-${random.uuid}",
		"settledesk.bank.flush-interval=1h", "settledesk.bank.poll-interval=1h", "settledesk.bank.simulator.interval=1h",
		"settledesk.bank.debtor.name=结算台支付服务有限公司", "settledesk.bank.debtor.account=1001234509000012345",
		"settledesk.bank.debtor.bic=ICBKCNBJ" })
class MoneyPathOverBankFilesPropertyIntegrationTests extends MoneyPathPropertyIntegrationTests {

	@Autowired
	Iso20022BankChannel channel;

	@Autowired
	FileBankSimulator bankHost;

	/** The file channel, not a shortcut, carried every payout that left: each has its transfer in a pain.001. */
	@AfterEach
	void every_payout_handed_over_went_to_the_bank_in_a_file() {
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM payout p WHERE p.status <> 'CREATED'
				AND NOT EXISTS (SELECT 1 FROM bank_transfer b WHERE b.payout_id = p.id)""").query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM bank_message WHERE type = 'pain.001'").query(Long.class).single())
			.as("files went to the bank").isPositive();
	}

	@Override
	void bankWorks() {
		channel.sendQueued();
		bankHost.work();
		channel.readAnswers();
	}
}
