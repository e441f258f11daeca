package com.settledesk.portal.web;

import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import com.settledesk.attachment.Attachments;
import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ResourceNotFoundException;

/** The settlement-card page: the current card, the cards before it, and the change requests with timelines. */
@Controller
class SettlementCardPageController {

	private final SettlementAccounts accounts;
	private final CardChanges cardChanges;
	private final Attachments attachments;

	SettlementCardPageController(SettlementAccounts accounts, CardChanges cardChanges, Attachments attachments) {
		this.accounts = accounts;
		this.cardChanges = cardChanges;
		this.attachments = attachments;
	}

	@GetMapping("/settlement-card")
	String page(CurrentUser user, Model model) {
		var merchantId = user.requireMerchant();
		model.addAttribute("account", accounts.active(merchantId).orElse(null));
		model.addAttribute("previous", accounts.history(merchantId));
		model.addAttribute("requests", cardChanges.ofMerchant(merchantId));
		model.addAttribute("open", cardChanges.openRequest(merchantId).orElse(null));
		model.addAttribute("isOwner", user.role() == Role.MERCHANT_OWNER);
		return "portal/settlement-card";
	}

	@PostMapping("/settlement-card/requests/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable UUID id) {
		cardChanges.cancel(user, new ChangeRequestId(id));
		return "redirect:/settlement-card?cancelled";
	}

	@GetMapping("/settlement-card/attachments/{id}")
	ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable UUID id) {
		var content = attachments.contentFor(user.requireMerchant(), id)
			.orElseThrow(() -> new ResourceNotFoundException("Attachment"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.attachment().contentType()))
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}
}
