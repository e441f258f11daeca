package com.settledesk.servicedesk;

import java.time.Duration;

/** The agents' queue filter; every part is optional. {@code olderThan}: opened longer ago than this. */
public record QueueFilter(TicketStatus status, TicketCategory category, Duration olderThan, String assignee,
		Team holder) {
}
