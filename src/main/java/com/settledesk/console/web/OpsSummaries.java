package com.settledesk.console.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.settledesk.cardchange.CardChangeReviews;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.identity.UserAccounts;
import com.settledesk.merchant.Merchants;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.Payouts;
import com.settledesk.payout.ReconciliationRun;
import com.settledesk.payout.Reconciliations;
import com.settledesk.servicedesk.QueueFilter;
import com.settledesk.servicedesk.Tickets;

/**
 * The day's work shown on the console's home and served by the summary API: card changes waiting for a decision
 * and those past their review time, payouts that failed or wait for the bank's word, open reconciliation breaks,
 * tickets not yet resolved and those whose first answer is late; and, for the record, merchants and users.
 */
@Component
class OpsSummaries {

	private static final List<ChangeRequestStatus> AWAITING = List.of(ChangeRequestStatus.PENDING_REVIEW,
			ChangeRequestStatus.PENDING_SECOND_REVIEW);
	private static final int RECENT_RUNS = 60;
	private static final int COUNTED_TICKETS = 10_000;
	private static final int COUNTED_FAILURES = 500;

	private final Merchants merchants;
	private final UserAccounts users;
	private final CardChangeReviews reviews;
	private final Payouts payouts;
	private final Reconciliations reconciliations;
	private final Tickets tickets;
	private final Clock clock;

	OpsSummaries(Merchants merchants, UserAccounts users, CardChangeReviews reviews, Payouts payouts,
			Reconciliations reconciliations, Tickets tickets, Clock clock) {
		this.clock = clock;
		this.merchants = merchants;
		this.users = users;
		this.reviews = reviews;
		this.payouts = payouts;
		this.reconciliations = reconciliations;
		this.tickets = tickets;
	}

	OpsSummary current() {
		var byStatus = payouts.countByStatus();
		return new OpsSummary(reviews.queue(AWAITING, null, null).size(),
				reviews.queue(AWAITING, null, reviews.sla()).size(), failedSinceYesterday(),
				byStatus.getOrDefault(PayoutStatus.UNKNOWN, 0L),
				reconciliations.runs(RECENT_RUNS).stream().mapToLong(ReconciliationRun::openBreaks).sum(),
				tickets.queue(new QueueFilter(null, null, null, null, null), COUNTED_TICKETS).size(),
				tickets.firstAnswerBreaches(), merchants.count(), users.count());
	}

	/** Failures are work while they are fresh: the money is back in the balance and the merchant was told. */
	private long failedSinceYesterday() {
		Instant since = clock.instant().minus(Duration.ofHours(24));
		return Stream.of(PayoutStatus.FAILED, PayoutStatus.RETURNED)
			.flatMap(status -> payouts.byStatus(status, COUNTED_FAILURES).stream())
			.filter(p -> p.closedAt() != null && p.closedAt().isAfter(since))
			.count();
	}

	record OpsSummary(long reviewsWaiting, long reviewsLate, long payoutsFailed, long payoutsAwaitingBank,
			long openBreaks, long ticketsActive, long ticketFirstAnswersLate, long merchants, long users) {
	}
}
