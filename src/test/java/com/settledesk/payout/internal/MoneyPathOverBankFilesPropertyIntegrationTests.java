package com.settledesk.payout.internal;

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

	@Override
	void bankWorks() {
		channel.sendQueued();
		bankHost.work();
		channel.readAnswers();
	}
}
