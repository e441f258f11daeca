package com.settledesk.servicedesk.internal;

import org.springframework.stereotype.Component;

import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Actuator gauges: tickets by status, active tickets by category, first answers late, average first-answer time and
 * ratings, read from the tickets when scraped.
 */
@Component
class TicketMetrics {

	TicketMetrics(MeterRegistry meters, TicketRepository tickets, java.time.Clock clock) {
		for (TicketStatus status : TicketStatus.values()) {
			Gauge.builder("settledesk.tickets", () -> tickets.countByStatus().get(status)).tag("status", status.name())
				.description("Tickets by status").register(meters);
		}
		for (TicketCategory category : TicketCategory.values()) {
			Gauge.builder("settledesk.tickets.active", () -> tickets.activeByCategory().get(category))
				.tag("category", category.name()).description("Tickets not yet resolved, by category").register(meters);
		}
		Gauge.builder("settledesk.tickets.first.answer.breaches", () -> tickets.firstAnswerBreaches(clock.instant()))
			.description("Tickets whose first answer is or was later than their category's target").register(meters);
		Gauge.builder("settledesk.tickets.first.answer.seconds", () -> tickets.averageFirstAnswerSeconds().orElse(0.0))
			.description("Average time from opening to the first answer").baseUnit("seconds").register(meters);
		for (int score = 1; score <= 5; score++) {
			int s = score;
			Gauge.builder("settledesk.tickets.ratings", () -> tickets.ratings().getOrDefault(s, 0L))
				.tag("score", Integer.toString(score)).description("Ratings merchants gave").register(meters);
		}
	}
}
