package com.settledesk.servicedesk;

import java.util.UUID;

import com.settledesk.identity.CurrentUser;

/**
 * What an operator may see and do about a ticket's merchant — and nothing more: read its overview (each opening
 * audited), send a notice again, ask the bank again about a payout, send the card-change link. Nothing here moves
 * money or changes the card; every action is audited with the ticket's number. A payout or message that is not the
 * ticket merchant's is a 404.
 */
public interface AgentDesk {

	MerchantOverview overview(CurrentUser agent, UUID ticketId);

	/**
	 * The thing the ticket was opened from, in words rather than its id: a payout's or change's amount, masked card
	 * and status (a message key); empty when the ticket has none or it no longer exists.
	 */
	java.util.Optional<RelatedThing> related(UUID ticketId);

	record RelatedThing(RelatedKind kind, com.settledesk.shared.Money amount, String cardMasked, String statusKey) {
	}

	void resendNotice(CurrentUser agent, UUID ticketId, UUID deliveryId);

	void askBankAgain(CurrentUser agent, UUID ticketId, UUID payoutId);

	void sendCardChangeLink(CurrentUser agent, UUID ticketId);
}
