package com.settledesk.console.web;

import java.util.List;

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

	private final Merchants merchants;
	private final UserAccounts users;
	private final CardChangeReviews reviews;
	private final Payouts payouts;
	private final Reconciliations reconciliations;
	private final Tickets tickets;

	OpsSummaries(Merchants merchants, UserAccounts users, CardChangeReviews reviews, Payouts payouts,
			Reconciliations reconciliations, Tickets tickets) {
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
				reviews.queue(AWAITING, null, reviews.sla()).size(), byStatus.getOrDefault(PayoutStatus.FAILED, 0L),
				byStatus.getOrDefault(PayoutStatus.UNKNOWN, 0L),
				reconciliations.runs(RECENT_RUNS).stream().mapToLong(ReconciliationRun::openBreaks).sum(),
				tickets.queue(new QueueFilter(null, null, null, null, null), COUNTED_TICKETS).size(),
				tickets.firstAnswerBreaches(), merchants.count(), users.count());
	}

	record OpsSummary(long reviewsWaiting, long reviewsLate, long payoutsFailed, long payoutsAwaitingBank,
			long openBreaks, long ticketsActive, long ticketFirstAnswersLate, long merchants, long users) {
	}
}
