package com.settledesk.payout;

/**
 * Where a payout stands. UNKNOWN: its hand-over to the bank ended without a definite answer (a timeout, a crash,
 * a dropped connection); it stays so until the bank answers an inquiry for it — it is never paid again nor its
 * money given back on a guess.
 */
public enum PayoutStatus {
	CREATED, SUBMITTED, UNKNOWN, PAID, FAILED, RETURNED;

	public boolean isPending() {
		return this == CREATED || this == SUBMITTED || this == UNKNOWN;
	}
}
