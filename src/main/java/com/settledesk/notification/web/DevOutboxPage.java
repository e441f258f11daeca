package com.settledesk.notification.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.settledesk.notification.Notifications;

/** /dev/outbox: the demo's "phone" — what the development SMS provider sent to a number (demo only). */
@Controller
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
class DevOutboxPage {

	private final Notifications notifications;

	DevOutboxPage(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/dev/outbox")
	String outbox(@RequestParam(defaultValue = "13800000001") String to, Model model) {
		model.addAttribute("to", to);
		model.addAttribute("messages", notifications.sentTo(to, 50));
		return "notification/outbox";
	}
}
