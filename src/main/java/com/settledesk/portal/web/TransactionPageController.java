package com.settledesk.portal.web;

import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.terminalhost.SalesSlips;

/** One transaction of the merchant (交易详情): what was paid, what we kept, what is the merchant's, and when. */
@Controller
class TransactionPageController {

	private final Transactions transactions;
	private final SalesSlips slips;

	TransactionPageController(Transactions transactions, SalesSlips slips) {
		this.transactions = transactions;
		this.slips = slips;
	}

	@GetMapping("/transactions/{id}")
	String transaction(CurrentUser user, @PathVariable String id, Model model) {
		CapturedTransaction t = find(user, id);
		model.addAttribute("t", t);
		model.addAttribute("hasSlip", !slips.withSlips(user.requireMerchant(), List.of(t.id())).isEmpty());
		return "portal/transaction";
	}

	/** Another merchant's transaction, or no transaction at all, is the same 404. */
	private CapturedTransaction find(CurrentUser user, String id) {
		UUID transactionId;
		try {
			transactionId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Transaction");
		}
		CapturedTransaction t = transactions.byIds(List.of(transactionId)).get(transactionId);
		if (t == null || !t.merchantId().equals(user.requireMerchant())) {
			throw new ResourceNotFoundException("Transaction");
		}
		return t;
	}
}
