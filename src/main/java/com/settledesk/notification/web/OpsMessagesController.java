package com.settledesk.notification.web;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.notification.Channel;
import com.settledesk.notification.DeliveryStatus;
import com.settledesk.notification.Notifications;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

/** Operators see which messages did not reach merchants yet, or never will, and why (never the text). */
@RestController
class OpsMessagesController {

	private final Notifications notifications;

	OpsMessagesController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/ops/messages")
	List<DeliveryResponse> list(@RequestParam(required = false) List<String> status) {
		Set<DeliveryStatus> statuses = status == null ? EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SENDING,
				DeliveryStatus.FAILED) : parse(status);
		return notifications.deliveries(statuses, 200).stream()
			.map(d -> new DeliveryResponse(d.id().toString(), d.recipientMasked(), d.channel(), d.template(), d.status(),
					d.attempts(), d.lastError(), Timestamps.forDisplay(d.queuedAt()), Timestamps.forDisplay(d.nextAttemptAt()),
					Timestamps.forDisplay(d.deliveredAt())))
			.toList();
	}

	@GetMapping("/api/v1/ops/messages/summary")
	Map<DeliveryStatus, Long> summary() {
		return notifications.deliveryCounts();
	}

	private static Set<DeliveryStatus> parse(List<String> values) {
		Set<DeliveryStatus> statuses = EnumSet.noneOf(DeliveryStatus.class);
		for (String value : values.stream().flatMap(v -> List.of(v.split(",")).stream()).toList()) {
			try {
				statuses.add(DeliveryStatus.valueOf(value.trim()));
			}
			catch (IllegalArgumentException e) {
				throw new ValidationFailedException(new FieldViolation("status", "INVALID"));
			}
		}
		return statuses;
	}

	record DeliveryResponse(String id, String recipientMasked, Channel channel, String template, DeliveryStatus status,
			int attempts, String lastError, OffsetDateTime queuedAt, OffsetDateTime nextAttemptAt,
			OffsetDateTime deliveredAt) {
	}
}
