package com.settledesk.payout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.settledesk.SettleDeskApplication;
import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;
import com.settledesk.ledger.Ledger;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantRegistration;
import com.settledesk.merchant.Merchants;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.NewSettlementAccount;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.Money;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.MerchantFixtures;

/**
 * Two application instances against one PostgreSQL database sweep at the same moment, each in chunks of three merchants
 * on four threads: every fen is paid once.
 * Runs in the PostgreSQL CI run, where both instances share the database given by SPRING_DATASOURCE_URL.
 */
@EnabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class TwoInstancesSweepIntegrationTests {

	private static final int MERCHANTS = 20;

	@Test
	void two_instances_sweeping_at_once_pay_each_merchant_once() throws Exception {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			List<MerchantProfile> merchants = new ArrayList<>();
			for (int i = 0; i < MERCHANTS; i++) {
				merchants.add(merchantWithTakings(first, 10_000L + i));
			}
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<SettlementRun>> runs = List.of(
						pool.submit(() -> first.getBean(Payouts.class).settle("D0")),
						pool.submit(() -> second.getBean(Payouts.class).settle("D0")));
				for (Future<SettlementRun> run : runs) {
					run.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			Payouts payouts = first.getBean(Payouts.class);
			for (MerchantProfile merchant : merchants) {
				long count = jdbc.sql("SELECT COUNT(*) FROM payout WHERE merchant_id = :m").param("m", merchant.id().value())
					.query(Long.class).single();
				assertThat(count).as("payouts of " + merchant.merchantNo()).isEqualTo(1);
				assertThat(payouts.balance(merchant.id()).available()).isEqualTo(Money.ZERO);
			}
			assertThat(first.getBean(Ledger.class).consistent()).isTrue();
		}
	}

	private static MerchantProfile merchantWithTakings(ConfigurableApplicationContext app, long amountFen) {
		String legalId = MerchantFixtures.randomId();
		String phone = "136" + MerchantFixtures.digits(8);
		MerchantProfile merchant = app.getBean(Merchants.class).register(new MerchantRegistration(
				"8227" + MerchantFixtures.digits(11), MerchantKind.INDIVIDUAL, "并发测试店", "并发", legalId, phone, "5411",
				SettlementMode.D0, "STANDARD", Locale.SIMPLIFIED_CHINESE, null));
		var account = app.getBean(SettlementAccounts.class).bindInitial(merchant.id(), new NewSettlementAccount(
				AccountType.PERSONAL, MerchantFixtures.icbcCard(), "并发", legalId, phone, null, null, null));
		String terminal = "TW" + MerchantFixtures.digits(10);
		app.getBean(Terminals.class).registerActive(terminal, "PAX-A920", merchant.id(), account.id(), "测试");
		app.getBean(Transactions.class).capture(new Capture("TWO" + MerchantFixtures.digits(16), merchant.merchantNo(),
				terminal, "QR_WECHAT", "NONE", amountFen, Instant.now()));
		return merchant;
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(SettleDeskApplication.class).profiles("test")
			.properties("PORT=0", "settledesk.payout.d0-sweep-interval=1h", "settledesk.payout.submit-interval=1h",
					"settledesk.payout.sweep-chunk=3", "settledesk.payout.sweep-workers=4")
			.run();
	}
}
