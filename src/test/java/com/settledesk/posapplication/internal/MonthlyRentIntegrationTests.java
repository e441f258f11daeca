package com.settledesk.posapplication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.shared.Money;
import com.settledesk.terminal.Terminals;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.TerminalDriver;

/** A rented terminal costs its rent once a calendar month while it is with the merchant, and nothing after its return. */
@IntegrationTest
class MonthlyRentIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	TerminalDriver driver;

	@Autowired
	TerminalApplicationRepository applications;

	@Autowired
	Terminals terminals;

	@Autowired
	TerminalCharges charges;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Ledger ledger;

	@Autowired
	Clock clock;

	@Test
	void rent_is_charged_once_a_month_after_the_first_and_stops_with_the_return() {
		var merchant = fixtures.individual();
		String owner = api.token(merchant.owner());
		LedgerAccount payable = LedgerAccount.merchantPayable(merchant.profile().id());
		Money before = ledger.balance(payable);
		String serial = driver.shipped(owner, "SUNMI-QR");
		assertThat(ledger.balance(payable)).as("first month on approval").isEqualTo(before.plus(Money.ofFen(1500)));

		assertThat(rentAt(Duration.ZERO).chargeDueRent()).as("the approval month is paid").isZero();
		MonthlyRent nextMonth = rentAt(Duration.ofDays(35));
		int charged = nextMonth.chargeDueRent();
		assertThat(charged).isGreaterThanOrEqualTo(1);
		String month = YearMonth.from(clock.instant().plus(Duration.ofDays(35)).atZone(ZoneId.of("Asia/Shanghai"))).toString();
		String number = api.get("/api/v1/merchant/terminal-applications", owner).json().get(0).get("number").asString();
		assertThat(ledger.entry("TERMINAL_RENT", number + "/" + serial + "/" + month)).isPresent();
		assertThat(ledger.balance(payable)).isEqualTo(before.plus(Money.ofFen(3000)));
		nextMonth.chargeDueRent();
		assertThat(ledger.balance(payable)).as("the month is charged once").isEqualTo(before.plus(Money.ofFen(3000)));

		api.post("/api/v1/merchant/terminals/" + serial + "/return", Map.of(), owner);
		api.post("/api/v1/ops/terminals/" + serial + "/return-received", null, api.token("terminalops1"));
		rentAt(Duration.ofDays(70)).chargeDueRent();
		assertThat(ledger.balance(payable)).as("a returned terminal costs nothing more")
			.isEqualTo(before.plus(Money.ofFen(3000)));
	}

	private MonthlyRent rentAt(Duration later) {
		return new MonthlyRent(applications, terminals, charges, transactions,
				Clock.fixed(clock.instant().plus(later), ZoneOffset.UTC));
	}
}
