package com.settledesk.servicedesk;

/** The thing that went wrong, which a ticket opened from it is linked to. */
public enum RelatedKind {
	CHANGE_REQUEST, PAYOUT, STATEMENT_LINE, TERMINAL
}
