package com.settledesk.servicedesk;

/** What a ticket is about; each category has its own first-answer target. */
public enum TicketCategory {
	CARD_CHANGE, PAYOUT, FEE, TERMINAL, ACCOUNT, OTHER
}
