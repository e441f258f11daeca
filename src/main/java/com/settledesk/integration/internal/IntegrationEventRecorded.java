package com.settledesk.integration.internal;

import java.util.UUID;

/**
 * An integration event was stored (published inside the transaction that stored it, so that the publication
 * registry keeps it for the RabbitMQ publisher until the broker confirmed it).
 */
public record IntegrationEventRecorded(UUID id, String type, String body) {
}
