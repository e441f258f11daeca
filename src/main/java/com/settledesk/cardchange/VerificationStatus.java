package com.settledesk.cardchange;

/** Result of the account verification stored on a request. PENDING: not answered yet, retried. */
public enum VerificationStatus {
	PENDING, MATCH, MISMATCH, CARD_CLOSED, NOT_APPLICABLE
}
