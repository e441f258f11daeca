package com.settledesk.servicedesk;

/** Who holds a ticket: customer service, or the team it was handed over to. */
public enum Team {
	SERVICE, REVIEW, FINANCE, TERMINAL_OPERATIONS
}
