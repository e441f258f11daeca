package com.settledesk.verification;

/** What the provider answered. TIMEOUT means no answer: the check is still to be done. */
public enum VerificationOutcome {
	MATCH, MISMATCH, CARD_CLOSED, TIMEOUT
}
