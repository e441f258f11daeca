package com.settledesk.notification.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
import com.settledesk.shared.Timestamps;

/** GET /api/v1/dev/outbox?to=PHONE: what the development provider "sent" (demo profile only). */
@RestController
@ConditionalOnBooleanProperty("settledesk.dev-endpoints.enabled")
class DevOutboxController {

	private final Notifications notifications;

	DevOutboxController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/dev/outbox")
	List<OutboxMessage> outbox(@RequestParam String to) {
		return notifications.sentTo(to, 50).stream()
			.map(m -> new OutboxMessage(m.to(), m.channel(), m.text(), Timestamps.forDisplay(m.sentAt())))
			.toList();
	}

	record OutboxMessage(String to, Channel channel, String text, OffsetDateTime sentAt) {
	}
}
