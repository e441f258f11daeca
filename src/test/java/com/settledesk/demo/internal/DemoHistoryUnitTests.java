package com.settledesk.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.settledesk.acquiring.Capture;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.MerchantStatus;
import com.settledesk.merchant.SettlementMode;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.MerchantId;

class DemoHistoryUnitTests {

	private static final LocalDate SATURDAY = LocalDate.of(2026, 10, 17);

	@Test
	void the_same_shop_and_day_give_the_same_sales() {
		DemoHistory.Shop shop = shop(DemoHistory.Trade.CONVENIENCE_STORE);
		assertThat(DemoHistory.sales(shop, SATURDAY, new Random(7))).isEqualTo(DemoHistory.sales(shop, SATURDAY,
				new Random(7)));
		assertThat(DemoHistory.sales(shop, SATURDAY, new Random(7))).isNotEqualTo(DemoHistory.sales(shop, SATURDAY,
				new Random(8)));
	}

	@Test
	void sales_fall_in_opening_hours_within_the_trades_amounts_in_whole_steps() {
		for (int seed = 0; seed < 200; seed++) {
			List<Capture> store = DemoHistory.sales(shop(DemoHistory.Trade.CONVENIENCE_STORE), SATURDAY, new Random(seed));
			assertThat(store).isNotEmpty().allSatisfy(sale -> {
				assertThat(hourOf(sale)).isBetween(0, 22);
				assertThat(sale.amountFen()).isBetween(300L, 9_800L);
				assertThat(sale.amountFen() % 10).isZero();
				assertThat(sale.cardKind()).isIn(sale.channel().startsWith("QR_") ? List.of("NONE") : List.of("DEBIT", "CREDIT"));
			});
			List<Capture> restaurant = DemoHistory.sales(shop(DemoHistory.Trade.RESTAURANT), SATURDAY, new Random(seed));
			assertThat(restaurant).allSatisfy(sale -> {
				assertThat(hourOf(sale)).isBetween(9, 22);
				assertThat(sale.amountFen()).isBetween(4_800L, 68_000L);
				assertThat(sale.amountFen() % 100).isZero();
			});
		}
	}

	@Test
	void sales_come_in_time_order_with_references_unique_to_shop_and_day() {
		List<Capture> sales = DemoHistory.sales(shop(DemoHistory.Trade.RESTAURANT), SATURDAY, new Random(1));
		assertThat(sales).extracting(Capture::occurredAt).isSorted();
		assertThat(sales).extracting(Capture::reference).doesNotHaveDuplicates()
			.allMatch(reference -> reference.startsWith("DEMO-000009-20261017-"));
	}

	@Test
	void the_store_sells_a_little_through_the_night_so_an_early_morning_shows_sales() {
		int night = 0;
		for (int seed = 0; seed < 100; seed++) {
			night += (int) DemoHistory.sales(shop(DemoHistory.Trade.CONVENIENCE_STORE), SATURDAY, new Random(seed)).stream()
				.filter(sale -> hourOf(sale) < 5).count();
		}
		assertThat(night).isGreaterThan(100);
	}

	@Test
	void a_restaurant_is_busiest_at_lunch_and_dinner() {
		int[] byHour = new int[24];
		for (int seed = 0; seed < 100; seed++) {
			DemoHistory.sales(shop(DemoHistory.Trade.RESTAURANT), SATURDAY, new Random(seed))
				.forEach(sale -> byHour[hourOf(sale)]++);
		}
		assertThat(byHour[12]).isGreaterThan(byHour[15] * 4);
		assertThat(byHour[19]).isGreaterThan(byHour[15] * 4);
	}

	private static int hourOf(Capture sale) {
		return ZonedDateTime.ofInstant(sale.occurredAt(), ClockConfiguration.DISPLAY_ZONE).getHour();
	}

	private static DemoHistory.Shop shop(DemoHistory.Trade trade) {
		MerchantProfile merchant = new MerchantProfile(new MerchantId(java.util.UUID.randomUUID()), "822000000000009",
				MerchantKind.INDIVIDUAL, "店", "张三", "1101**********0011", "13800000009", "5411", MerchantStatus.ACTIVE,
				SettlementMode.D0, "STANDARD", Locale.SIMPLIFIED_CHINESE, "北京");
		return new DemoHistory.Shop(merchant, "13800000009", List.of("T9"), "6222024000123456788", trade, null);
	}
}
