package com.settledesk.servicedesk.internal;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Actuator gauges: tickets by status, active tickets by category, first answers late, average first-answer time and
 * ratings. A scrape reads all twenty gauges from one set of queries, taken at most every few seconds.
 */
@Component
class TicketMetrics {

	private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

	private final TicketRepository tickets;
	private final Clock clock;
	private Snapshot snapshot;
	private long takenAt;

	TicketMetrics(MeterRegistry meters, TicketRepository tickets, Clock clock) {
		this.tickets = tickets;
		this.clock = clock;
		for (TicketStatus status : TicketStatus.values()) {
			gauge("settledesk.tickets", "Tickets by status", s -> s.byStatus().getOrDefault(status, 0L))
				.tag("status", status.name()).register(meters);
		}
		for (TicketCategory category : TicketCategory.values()) {
			gauge("settledesk.tickets.active", "Tickets not yet resolved, by category",
					s -> s.activeByCategory().getOrDefault(category, 0L))
				.tag("category", category.name()).register(meters);
		}
		gauge("settledesk.tickets.first.answer.breaches",
				"Tickets whose first answer is or was later than their category's target", Snapshot::breaches)
			.register(meters);
		gauge("settledesk.tickets.first.answer.seconds", "Average time from opening to the first answer",
				Snapshot::averageFirstAnswerSeconds)
			.baseUnit("seconds").register(meters);
		for (int score = 1; score <= 5; score++) {
			int s = score;
			gauge("settledesk.tickets.ratings", "Ratings merchants gave", x -> x.ratings().getOrDefault(s, 0L))
				.tag("score", Integer.toString(score)).register(meters);
		}
	}

	private Gauge.Builder<TicketMetrics> gauge(String name, String description,
			ToDoubleFunction<Snapshot> value) {
		return Gauge.builder(name, this, metrics -> value.applyAsDouble(metrics.current())).description(description);
	}

	private synchronized Snapshot current() {
		if (snapshot == null || System.nanoTime() - takenAt > FRESH_NANOS) {
			snapshot = new Snapshot(tickets.countByStatus(), tickets.activeByCategory(),
					tickets.firstAnswerBreaches(clock.instant()), tickets.averageFirstAnswerSeconds().orElse(0.0),
					tickets.ratings());
			takenAt = System.nanoTime();
		}
		return snapshot;
	}

	private record Snapshot(Map<TicketStatus, Long> byStatus, Map<TicketCategory, Long> activeByCategory,
			long breaches, double averageFirstAnswerSeconds, Map<Integer, Long> ratings) {
	}
}
