package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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

	private Set<UUID> before;

	@BeforeEach
	void rememberThePayoutsThatExist() {
		before = new HashSet<>(jdbc.sql("SELECT id FROM payout").query(UUID.class).list());
	}

	/**
	 * The file channel carried the payouts that left: those of this run went to the bank in a pain.001. (On the
	 * shared PostgreSQL database another test context's submit job may take some of them by the direct channel, so
	 * the check is that files carried them, not that files carried every one.)
	 */
	@AfterEach
	void the_payouts_that_left_went_to_the_bank_in_files() {
		List<UUID> left = jdbc.sql("SELECT id FROM payout WHERE status <> 'CREATED'").query(UUID.class).list().stream()
			.filter(id -> !before.contains(id)).toList();
		if (!left.isEmpty()) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM bank_transfer WHERE payout_id IN (:ids)").param("ids", left)
				.query(Long.class).single()).isPositive();
		}
	}

	@Override
	void bankWorks() {
		channel.sendQueued();
		bankHost.work();
		channel.readAnswers();
	}
}
