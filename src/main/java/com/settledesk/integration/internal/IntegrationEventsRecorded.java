package com.settledesk.integration.internal;

import java.util.List;
import java.util.UUID;

/**
 * Integration events were stored (published inside the transaction that stored them, so that the publication
 * registry keeps them for the RabbitMQ publisher until the broker confirmed every one). One publication for the
 * events of one domain event, at most {@link #MAX_EVENTS} ids (bodies are read from their table, so a publication
 * stays small): a capture of a thousand sales costs the registry one row, not a thousand.
 */
public record IntegrationEventsRecorded(List<UUID> eventIds) {

	static final int MAX_EVENTS = 1000;
}
