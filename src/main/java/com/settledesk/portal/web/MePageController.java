package com.settledesk.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.ResourceNotFoundException;

/** 我的: the merchant's places beyond the tab bar, the language and signing out — the phone's account page. */
@Controller
class MePageController {

	private final Merchants merchants;

	MePageController(Merchants merchants) {
		this.merchants = merchants;
	}

	@GetMapping("/me")
	String me(CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("merchant",
				merchants.find(user.requireMerchant()).orElseThrow(() -> new ResourceNotFoundException("Merchant")));
		return "portal/me";
	}
}
