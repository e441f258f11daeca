package com.settledesk.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.Channel;
import com.settledesk.acquiring.TransactionSearch;
import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;
import com.settledesk.terminalhost.SalesSlips;

/** The merchant's money: payouts with their status in words, and transactions with filters. */
@Controller
class MoneyPagesController {

	private static final int SHOWN = 50;
	private static final int PAYOUTS_SHOWN = 20;
	private static final int CARD_MATCHES = 1000;

	private final Payouts payouts;
	private final Transactions transactions;
	private final SalesSlips slips;
	private final Terminals terminals;
	private final Clock clock;

	MoneyPagesController(Payouts payouts, Transactions transactions, SalesSlips slips, Terminals terminals,
			Clock clock) {
		this.slips = slips;
		this.terminals = terminals;
		this.payouts = payouts;
		this.transactions = transactions;
		this.clock = clock;
	}

	@GetMapping("/payouts")
	String payouts(CurrentUser user, @RequestParam(required = false) String page, Model model) {
		var merchantId = user.requireMerchant();
		int index = Pages.index(page);
		// one more than shown tells whether an older page exists
		List<PayoutView> found = payouts.ofMerchant(merchantId, index * PAYOUTS_SHOWN, PAYOUTS_SHOWN + 1);
		model.addAttribute("balance", payouts.balance(merchantId));
		model.addAttribute("payouts", found.subList(0, Math.min(found.size(), PAYOUTS_SHOWN)));
		model.addAttribute("page", index);
		model.addAttribute("olderPage", found.size() > PAYOUTS_SHOWN);
		return "portal/payouts";
	}

	/** 交易查询: the filter's matches, latest sale first, with the count and total of all of them. */
	@GetMapping("/transactions")
	String transactions(CurrentUser user, TransactionFilter filter, Model model) {
		var merchantId = user.requireMerchant();
		LocalDate today = today();
		List<String> terminalSns = terminals.ofMerchant(merchantId).stream().map(TerminalView::serialNo).toList();
		Map<String, String> errors = filter.errors(today, terminalSns);
		TransactionSearch.Found found = errors.isEmpty()
				? transactions.search(merchantId, filter.search(today, filter.cardDigits() == null ? null
						: slips.withCardEnding(merchantId, filter.cardDigits(), CARD_MATCHES)), filter.pageIndex() * SHOWN, SHOWN)
				: new TransactionSearch.Found(List.of(), 0, Money.ZERO);
		model.addAttribute("found", found);
		model.addAttribute("slips", slips.withSlips(merchantId, found.transactions().stream()
			.map(CapturedTransaction::id).toList()));
		model.addAttribute("filter", filter.shown(today));
		model.addAttribute("errors", errors);
		model.addAttribute("terminals", terminalSns);
		model.addAttribute("channels", Channel.values());
		model.addAttribute("page", filter.pageIndex());
		model.addAttribute("pages", Math.max(1, (found.count() + SHOWN - 1) / SHOWN));
		return "portal/transactions";
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
	}
}
