package com.settledesk.integration.internal;

import java.util.List;
import java.util.UUID;

/**
 * Captured sales that someone wants as {@code transaction.captured} events (an endpoint of their merchant subscribed,
 * or RabbitMQ on). Published inside the capture's transaction by {@link SalesFilter}, so the publication registry
 * holds it from that commit until {@link EventFeed} recorded the events.
 */
public record SalesToRecord(List<UUID> transactionIds) {
}
