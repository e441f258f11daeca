package com.settledesk.console.web;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.merchant.Merchants;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.StateConflictException;

/** Payouts by status for operators; finance and administrators can ask the bank again, hold and release. */
@Controller
class PayoutPagesController {

	private final Payouts payouts;
	private final Merchants merchants;

	PayoutPagesController(Payouts payouts, Merchants merchants) {
		this.payouts = payouts;
		this.merchants = merchants;
	}

	@GetMapping("/ops/payouts")
	String page(@RequestParam(defaultValue = "SUBMITTED") PayoutStatus status, CurrentUser user, Model model) {
		model.addAttribute("user", user);
		model.addAttribute("counts", payouts.countByStatus());
		model.addAttribute("status", status);
		model.addAttribute("payouts", payouts.byStatus(status, 200));
		model.addAttribute("mayAct", user.role() == Role.ADMIN || user.role() == Role.FINANCE);
		return "console/payouts";
	}

	@PostMapping("/ops/payouts/{id}/retry")
	@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
	String retry(@PathVariable UUID id, CurrentUser user, RedirectAttributes redirect) {
		try {
			payouts.retry(id, user.username());
			redirect.addFlashAttribute("done", "console.payouts.retried");
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", "problem." + e.code() + ".detail");
		}
		return "redirect:/ops/payouts";
	}

	@PostMapping("/ops/payouts/holds")
	@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
	String hold(@RequestParam String merchantNo, @RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "hold") String action, CurrentUser user, RedirectAttributes redirect) {
		var merchant = merchants.findByMerchantNo(merchantNo.trim());
		if (merchant.isEmpty() || (action.equals("hold") && reason.isBlank())) {
			redirect.addFlashAttribute("error", "console.payouts.holdInvalid");
			return "redirect:/ops/payouts";
		}
		if (action.equals("hold")) {
			payouts.hold(merchant.get().id(), reason.trim(), user.username());
		}
		else {
			payouts.release(merchant.get().id(), user.username());
		}
		redirect.addFlashAttribute("done", "console.payouts." + (action.equals("hold") ? "held" : "released"));
		return "redirect:/ops/payouts";
	}
}
