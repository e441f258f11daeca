package com.settledesk.portal.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;
import com.settledesk.terminalhost.SalesSlips;

/** The merchant's money: payouts with their status in words, and transactions with filters. */
@Controller
class MoneyPagesController {

	private final Payouts payouts;
	private final Transactions transactions;
	private final SalesSlips slips;
	private final Clock clock;

	MoneyPagesController(Payouts payouts, Transactions transactions, SalesSlips slips, Clock clock) {
		this.slips = slips;
		this.payouts = payouts;
		this.transactions = transactions;
		this.clock = clock;
	}

	@GetMapping("/payouts")
	String payouts(CurrentUser user, Model model) {
		var merchantId = user.requireMerchant();
		model.addAttribute("balance", payouts.balance(merchantId));
		model.addAttribute("payouts", payouts.ofMerchant(merchantId, 100));
		return "portal/payouts";
	}

	@GetMapping("/transactions")
	String transactions(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String channel, Model model) {
		LocalDate today = today();
		LocalDate start = from == null ? today.minusDays(6) : from;
		LocalDate end = to == null ? today : to;
		var list = transactions.ofMerchant(user.requireMerchant(), start, end, 500).stream()
			.filter(t -> channel == null || channel.isBlank() || t.channel().name().equals(channel))
			.toList();
		model.addAttribute("transactions", list);
		model.addAttribute("slips", slips.withSlips(user.requireMerchant(), list.stream().map(t -> t.id()).toList()));
		model.addAttribute("from", start);
		model.addAttribute("to", end);
		model.addAttribute("channel", channel);
		model.addAttribute("channels", com.settledesk.acquiring.Channel.values());
		model.addAttribute("total", list.stream().map(t -> t.amount()).reduce(Money.ZERO, Money::plus));
		return "portal/transactions";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
	}
}
