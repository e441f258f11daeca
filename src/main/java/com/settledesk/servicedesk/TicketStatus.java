package com.settledesk.servicedesk;

/** OPEN → IN_PROGRESS → WAITING_ON_MERCHANT → RESOLVED → CLOSED; a merchant's reply reopens a RESOLVED ticket. */
public enum TicketStatus {
	OPEN, IN_PROGRESS, WAITING_ON_MERCHANT, RESOLVED, CLOSED;

	public boolean isActive() {
		return this != RESOLVED && this != CLOSED;
	}
}
