package com.settledesk.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.Transactions;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;
import com.settledesk.testsupport.IntegrationTest;

/**
 * The demo's history, written at the start of this context through capture and settlement. Not on PostgreSQL,
 * where every test class shares one database and the demo shops: a history there would change what they see.
 */
@IntegrationTest
@TestPropertySource(properties = "settledesk.demo.history-days=45")
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*")
class DemoHistoryIntegrationTests {

	@Autowired
	Merchants merchants;

	@Autowired
	Transactions transactions;

	@Autowired
	Payouts payouts;

	@Autowired
	Clock clock;

	@Autowired
	DemoHistory history;

	@Autowired
	com.settledesk.cardchange.CardChanges cardChanges;

	@Autowired
	com.settledesk.servicedesk.Tickets tickets;

	@Test
	void every_past_day_has_card_and_qr_sales_stamped_with_that_day_and_none_in_the_future() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		for (MerchantProfile shop : List.of(store(), restaurant())) {
			Map<LocalDate, Money> takings = transactions.takingsByDay(shop.id(), today.minusDays(45), today.minusDays(1));
			assertThat(takings).as(shop.name()).hasSize(45).allSatisfy((day, money) -> assertThat(money.isPositive()).isTrue());
			List<CapturedTransaction> sales = new java.util.ArrayList<>();
			for (LocalDate day = today.minusDays(45); !day.isAfter(today); day = day.plusDays(1)) {
				sales.addAll(transactions.ofMerchant(shop.id(), day, day, 500));
			}
			assertThat(sales).allSatisfy(sale -> {
				assertThat(LocalDate.ofInstant(sale.occurredAt(), ClockConfiguration.DISPLAY_ZONE)).isEqualTo(sale.businessDate());
				assertThat(sale.capturedAt()).isAfterOrEqualTo(sale.occurredAt()).isBeforeOrEqualTo(clock.instant());
			});
			assertThat(sales).extracting(CapturedTransaction::channel).anyMatch(channel -> channel.isQr())
				.anyMatch(channel -> !channel.isQr());
			assertThat(sales).extracting(CapturedTransaction::status).contains("REFUNDED");
		}
	}

	@Test
	void payouts_went_through_the_bank_on_their_day_one_failing_and_one_returned() {
		List<PayoutView> store = payouts.ofMerchant(store().id(), 500);
		List<PayoutView> restaurant = payouts.ofMerchant(restaurant().id(), 500);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);

		assertThat(store).filteredOn(p -> p.status() == PayoutStatus.FAILED).singleElement()
			.satisfies(p -> assertThat(dayOf(p)).isEqualTo(today.minusDays(DemoHistory.FAILED_PAYOUT_DAYS_AGO)));
		assertThat(restaurant).filteredOn(p -> p.status() == PayoutStatus.RETURNED).singleElement()
			.satisfies(p -> assertThat(dayOf(p)).isEqualTo(today.minusDays(DemoHistory.RETURNED_PAYOUT_DAYS_AGO)));
		assertThat(store).hasSizeGreaterThanOrEqualTo(45).extracting(PayoutView::mode).containsOnly("D0");
		assertThat(restaurant).hasSizeGreaterThanOrEqualTo(25).extracting(PayoutView::mode).containsOnly("T1");
		for (PayoutView paid : concat(store, restaurant)) {
			if (paid.status() == PayoutStatus.PAID) {
				assertThat(paid.paidAt()).isAfterOrEqualTo(paid.createdAt());
				assertThat(LocalDate.ofInstant(paid.paidAt(), ClockConfiguration.DISPLAY_ZONE)).isEqualTo(dayOf(paid));
			}
		}
	}

	@Test
	void the_balance_is_what_was_taken_less_what_was_paid_out() {
		for (MerchantProfile shop : List.of(store(), restaurant())) {
			LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
			Money net = transactions.netCapturedSince(List.of(shop.id()), today.minusDays(46)).get(shop.id());
			Money paidOut = payouts.ofMerchant(shop.id(), 500).stream()
				.filter(p -> p.status() == PayoutStatus.PAID || p.status().isPending())
				.map(PayoutView::gross).reduce(Money.ZERO, Money::plus);
			assertThat(payouts.balance(shop.id()).available()).as(shop.name()).isEqualTo(net.minus(paidOut));
		}
	}

	@Test
	void after_its_failed_payout_the_store_asked_customer_service_and_changed_its_card_through_review() {
		var changes = cardChanges.ofMerchant(store().id());
		assertThat(changes).singleElement().satisfies(change -> {
			assertThat(change.status()).isEqualTo(com.settledesk.cardchange.ChangeRequestStatus.EFFECTIVE);
			assertThat(change.previousAccountMasked()).startsWith("621700").endsWith("6785");
			assertThat(change.accountNumberMasked()).startsWith("622202").endsWith("6788");
			assertThat(change.attachmentIds()).hasSize(3);
			assertThat(LocalDate.ofInstant(change.effectiveAt(), ClockConfiguration.DISPLAY_ZONE)).isEqualTo(
					LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE)
						.minusDays(DemoHistory.CARD_CHANGE_DAYS_AGO));
		});
		assertThat(tickets.ofMerchant(store().id())).extracting(t -> t.category().name())
			.containsExactlyInAnyOrder("PAYOUT", "FEE", "TERMINAL");
		assertThat(tickets.ofMerchant(restaurant().id())).extracting(t -> t.category().name()).containsExactly("PAYOUT");
		assertThat(payouts.ofMerchant(store().id(), 500)).filteredOn(p -> p.status() == PayoutStatus.PAID)
			.allSatisfy(p -> assertThat(p.destinationMasked()).endsWith(p.createdAt().isBefore(changes.get(0).effectiveAt())
					? "6785" : "6788"));
	}

	@Test
	void a_second_start_writes_nothing_more() {
		int before = payouts.ofMerchant(store().id(), 500).size();
		history.writeOnceRunning(List.of(new DemoHistory.Shop(store(), "13800000001", List.of("T100000001"),
				"6222024000123456788", DemoHistory.Trade.CONVENIENCE_STORE, null)));
		assertThat(history.preparing()).isFalse();
		history.run(null);
		assertThat(payouts.ofMerchant(store().id(), 500)).hasSize(before);
	}

	private static LocalDate dayOf(PayoutView payout) {
		return LocalDate.ofInstant(payout.createdAt(), ClockConfiguration.DISPLAY_ZONE);
	}

	private static List<PayoutView> concat(List<PayoutView> a, List<PayoutView> b) {
		return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
	}

	private MerchantProfile store() {
		return merchants.findByMerchantNo("822100058120001").orElseThrow();
	}

	private MerchantProfile restaurant() {
		return merchants.findByMerchantNo("822310058120002").orElseThrow();
	}
}
