package com.settledesk.payout.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.acquiring.Transactions;
import com.settledesk.ledger.Ledger;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/**
 * The context of the payout tests: the bank jobs do not run by themselves, the test runs them step by step. Sweeps go in
 * chunks of two merchants on three threads, so a sweep of a few merchants already splits and runs side by side.
 */
@IntegrationTest
@TestPropertySource(properties = { "settledesk.payout.submit-interval=1h", "settledesk.payout.returns-interval=1h",
		"settledesk.payout.sweep-chunk=2", "settledesk.payout.sweep-workers=3" })
abstract class PayoutTestSupport {

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Transactions transactions;

	@Autowired
	PayoutService payouts;

	@Autowired
	SimulatedBank bank;

	@Autowired
	Ledger ledger;

	@Autowired
	SettlementAccounts accounts;

	@Autowired
	SensitiveDataProtector protector;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;
}
