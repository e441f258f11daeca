package com.settledesk.portal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.settledesk.identity.CurrentUser;
import com.settledesk.notification.Notifications;

/** The merchant's in-app messages (站内信); opening the page marks them read. */
@Controller
class MessagesPageController {

	private final Notifications notifications;

	MessagesPageController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/messages")
	String messages(CurrentUser user, Model model) {
		var merchantId = user.requireMerchant();
		model.addAttribute("messages", notifications.inbox(merchantId, 100));
		notifications.markAllRead(merchantId);
		model.addAttribute("unreadMessages", 0L);
		return "portal/messages";
	}
}
