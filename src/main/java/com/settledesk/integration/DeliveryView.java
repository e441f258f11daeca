package com.settledesk.integration;

import java.time.Instant;
import java.util.UUID;

/** One event's delivery to one endpoint, as the delivery log shows it. */
public record DeliveryView(UUID eventId, EventType type, String status, int attempts, Integer responseCode,
		Long latencyMs, String error, Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
}
