package com.settledesk.console.web;

import java.util.EnumSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.settledesk.notification.DeliveryStatus;
import com.settledesk.notification.Notifications;

/** 消息投递: SMS and e-mail that have not reached merchants yet or were given up, with the provider's reason. */
@Controller
class MessagePagesController {

	private final Notifications notifications;

	MessagePagesController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/ops/messages")
	String page(@RequestParam(defaultValue = "FAILED") DeliveryStatus status, Model model) {
		model.addAttribute("counts", notifications.deliveryCounts());
		model.addAttribute("status", status);
		model.addAttribute("deliveries", notifications.deliveries(EnumSet.of(status), 200));
		return "console/messages";
	}
}
