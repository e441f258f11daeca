package com.settledesk.servicedesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message of a ticket's conversation; an internal note ({@code internal}) is for operators only. */
public record TicketMessage(UUID id, Side side, String author, String body, boolean internal, List<UUID> attachmentIds,
		Instant at) {

	public enum Side {
		MERCHANT, AGENT
	}
}
