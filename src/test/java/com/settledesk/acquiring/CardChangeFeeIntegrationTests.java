package com.settledesk.acquiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.ProtectedAccount;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Masking;
import com.settledesk.shared.Money;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;

import tools.jackson.databind.JsonNode;

/** With a change fee configured, a card change that takes effect is charged once, on the statement, with a receipt. */
@IntegrationTest
@TestPropertySource(properties = "settledesk.acquiring.card-change-fee-fen=500")
class CardChangeFeeIntegrationTests {

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	SettlementAccounts accounts;

	@Autowired
	SensitiveDataProtector protector;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	Ledger ledger;

	@Autowired
	ApiClient api;

	@Autowired
	Clock clock;

	@Test
	void the_change_fee_is_charged_once_when_the_new_card_takes_effect_shows_on_the_statement_and_gets_a_receipt() {
		var merchant = fixtures.individual();
		String card = MerchantFixtures.icbcCard();
		SettlementAccountView bound = tx.execute(status -> accounts.switchTo(merchant.profile().id(),
				new ProtectedAccount(AccountType.PERSONAL, merchant.legalName(), protector.encrypt(card).toStorage(),
						protector.fingerprint(card), Masking.maskAccountNumber(card), "ICBC", "中国工商银行", null, null, null,
						merchant.phone()),
				"test"));
		String reference = bound.id().value().toString();
		await().atMost(Duration.ofSeconds(10)).until(() -> ledger.entry("CARD_CHANGE_FEE", reference).isPresent());
		assertThat(ledger.balance(LedgerAccount.merchantPayable(merchant.profile().id()))).isEqualTo(Money.ofFen(500));
		assertThat(ledger.consistent()).isTrue();

		String owner = api.token(merchant.owner());
		String today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).toString();
		JsonNode statement = api.get("/api/v1/merchant/statements/" + today, owner).json();
		assertThat(statement.get("lines").findValuesAsString("kind")).containsExactly("CARD_CHANGE_FEE");
		assertThat(statement.get("feesFen").asLong()).isEqualTo(500);
		assertThat(statement.get("closingFen").asLong()).isEqualTo(-500);
		var receipt = api.post("/api/v1/merchant/receipts", Map.of("entryKind", "CARD_CHANGE_FEE", "entryReference", reference),
				owner);
		assertThat(receipt.status()).as(receipt.body()).isEqualTo(200);
		assertThat(receipt.json().get("amountFen").asLong()).isEqualTo(500);
		assertThat(receipt.json().get("feeKind").asString()).isEqualTo("CARD_CHANGE_FEE");
	}
}
