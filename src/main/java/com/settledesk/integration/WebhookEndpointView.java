package com.settledesk.integration;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A registered endpoint; its secret is never part of it (shown once, on creation and roll). */
public record WebhookEndpointView(UUID id, String url, Set<EventType> events, String status, Instant failingSince,
		Instant createdAt) {
}
