package com.settledesk.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.settledesk.acquiring.TransactionSearch;
import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;

import tools.jackson.databind.json.JsonMapper;

/** The merchant home's money figures. */
@Component
class MoneyFigures {

	private final Payouts payouts;
	private final Transactions transactions;
	private final Clock clock;
	private final JsonMapper json;

	MoneyFigures(Payouts payouts, Transactions transactions, Clock clock, JsonMapper json) {
		this.payouts = payouts;
		this.transactions = transactions;
		this.clock = clock;
		this.json = json;
	}

	/** Home page figures: balance, today's takings, and a chart of the last 7 or 30 days. */
	void addTo(CurrentUser user, int days, Model model) {
		var merchantId = user.requireMerchant();
		LocalDate today = today();
		Map<LocalDate, Money> byDay = transactions.takingsByDay(merchantId, today.minusDays(days - 1L), today);
		List<String> labels = new ArrayList<>();
		List<String> values = new ArrayList<>();
		byDay.forEach((day, amount) -> {
			labels.add(day.toString().substring(5));
			values.add(amount.toYuanString());
		});
		model.addAttribute("balance", payouts.balance(merchantId));
		TransactionSearch.Found sales = transactions.search(merchantId, new TransactionSearch(today, today, null, null,
				null, null, null), 1);
		model.addAttribute("today", sales.capturedTotal());
		model.addAttribute("todayCount", sales.count());
		// yesterday beside today: early in the morning "today" is still empty
		TransactionSearch.Found yesterday = transactions.search(merchantId, new TransactionSearch(today.minusDays(1),
				today.minusDays(1), null, null, null, null, null), 1);
		model.addAttribute("yesterday", yesterday.capturedTotal());
		model.addAttribute("yesterdayCount", yesterday.count());
		// money on its way today: the payouts made today, with when each arrives or why it did not; else the last one
		List<PayoutView> recent = payouts.ofMerchant(merchantId, 20);
		model.addAttribute("todayPayouts", recent.stream()
			.filter(p -> p.createdAt() != null && LocalDate.ofInstant(p.createdAt(), ClockConfiguration.DISPLAY_ZONE)
				.equals(today))
			.toList());
		model.addAttribute("lastPayout", recent.isEmpty() ? null : recent.get(0));
		model.addAttribute("days", days);
		model.addAttribute("chart", json.writeValueAsString(Map.of("labels", labels, "values", values)));
		// the chart's words: an empty period says so instead of drawing a ¥0–¥1 axis; otherwise total and best day
		Money total = byDay.values().stream().reduce(Money.ZERO, Money::plus);
		model.addAttribute("chartTotal", total);
		model.addAttribute("chartEmpty", !total.isPositive());
		byDay.entrySet().stream().max(Map.Entry.comparingByValue()).filter(best -> best.getValue().isPositive())
			.ifPresent(best -> {
				model.addAttribute("chartBestDay", best.getKey());
				model.addAttribute("chartBestAmount", best.getValue());
			});
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
	}
}
