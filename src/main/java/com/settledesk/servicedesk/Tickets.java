package com.settledesk.servicedesk;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.MerchantId;

/**
 * Tickets (工单). Merchant calls see only the merchant's own tickets (another's is a 404) and never an internal note;
 * agent calls are for operators, each audited.
 */
public interface Tickets {

	/** Opens a ticket for the user's merchant; idempotent by key (the same key and body answer the first ticket). */
	Opened open(CurrentUser user, NewTicket ticket, String idempotencyKey);

	List<TicketView> ofMerchant(MerchantId merchantId);

	/** The merchant's own ticket, internal notes left out. */
	Optional<TicketView> find(MerchantId merchantId, UUID id);

	/** The merchant writes again; a RESOLVED ticket reopens, one WAITING_ON_MERCHANT goes back to the agents. */
	TicketView reply(CurrentUser user, UUID id, String body, List<String> attachmentIds);

	/** The merchant rates the answer of a resolved or closed ticket, once. */
	TicketView rate(CurrentUser user, UUID id, int score);

	List<TicketView> queue(QueueFilter filter, int limit);

	/** A ticket for operators, internal notes included. */
	Optional<TicketView> findForAgent(UUID id);

	/** An agent's reply (the merchant is told by SMS and in-app, without the text) or internal note. */
	TicketView answer(CurrentUser agent, UUID id, String body, boolean internal, boolean waitForMerchant);

	/** Assigns the ticket to an operator (the caller when {@code assignee} is null: taking it). */
	TicketView assign(CurrentUser agent, UUID id, String assignee);

	/** Hands the ticket over to another team, with a note for it. */
	TicketView handOver(CurrentUser agent, UUID id, Team team, String note);

	TicketView resolve(CurrentUser agent, UUID id, String note);

	/** Closes resolved tickets without a reply for the configured time; answers how many. */
	int closeQuietTickets();

	/** Open tickets whose first answer is overdue, and answered ones whose first answer came late. */
	long firstAnswerBreaches();

	TicketStatistics statistics();

	record Opened(TicketView ticket, boolean replayed) {
	}
}
