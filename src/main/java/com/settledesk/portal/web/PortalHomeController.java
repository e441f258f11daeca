package com.settledesk.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.settledesk.cardchange.CardChanges;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.merchant.Merchants;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ResourceNotFoundException;

/** The merchant's home: who they are and where their money goes. Operators are sent to the console. */
@Controller
class PortalHomeController {

	private final Merchants merchants;
	private final SettlementAccounts accounts;
	private final MoneyFigures money;
	private final CardChanges cardChanges;

	PortalHomeController(Merchants merchants, SettlementAccounts accounts, MoneyFigures money, CardChanges cardChanges) {
		this.cardChanges = cardChanges;
		this.merchants = merchants;
		this.accounts = accounts;
		this.money = money;
	}

	@GetMapping("/")
	String home(CurrentUser user, @RequestParam(defaultValue = "7") int days, Model model) {
		if (user.merchant().isEmpty()) {
			return user.isOperator() ? "redirect:/ops" : "redirect:/login?logout";
		}
		var merchant = merchants.find(user.requireMerchant()).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
		model.addAttribute("user", user);
		model.addAttribute("merchant", merchant);
		boolean owner = user.role() == Role.MERCHANT_OWNER;
		model.addAttribute("account", owner ? accounts.active(merchant.id()).orElse(null) : null);
		model.addAttribute("openChange", owner ? cardChanges.ofMerchant(merchant.id()).stream()
			.filter(r -> r.status().isOpen()).findFirst().orElse(null) : null);
		money.addTo(user, days == 30 ? 30 : 7, model);
		return "portal/home";
	}
}
