package com.settledesk.servicedesk;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The desk at a glance: tickets by status, unresolved by category, late first answers, answer time, ratings. */
public record TicketStatistics(Map<TicketStatus, Long> byStatus, Map<TicketCategory, Long> activeByCategory,
		long firstAnswerBreaches, Optional<Duration> averageFirstAnswer, Map<Integer, Long> ratings) {
}
