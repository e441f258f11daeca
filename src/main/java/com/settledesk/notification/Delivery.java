package com.settledesk.notification;

import java.time.Instant;
import java.util.UUID;

/** A queued message as operators see it: the recipient masked, never the text (it may hold a code). */
public record Delivery(UUID id, String recipientMasked, Channel channel, String template, DeliveryStatus status,
		int attempts, String lastError, Instant queuedAt, Instant nextAttemptAt, Instant deliveredAt) {
}
