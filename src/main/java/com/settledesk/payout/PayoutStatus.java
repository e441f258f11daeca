package com.settledesk.payout;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a payout stands, and where it may go next. UNKNOWN: its hand-over to the bank ended without a definite
 * answer (a timeout, a crash, a dropped connection); it stays so until the bank answers an inquiry for it — it is
 * never paid again nor its money given back on a guess. FAILED and RETURNED are final: their money is back in the
 * merchant's balance.
 */
public enum PayoutStatus {
	CREATED, SUBMITTED, UNKNOWN, PAID, FAILED, RETURNED;

	public boolean isPending() {
		return this == CREATED || this == SUBMITTED || this == UNKNOWN;
	}

	/** The legal moves: handed over, then paid or failed (perhaps after a spell of not knowing), then returned. */
	public boolean canMoveTo(PayoutStatus next) {
		Set<PayoutStatus> moves = switch (this) {
			case CREATED -> EnumSet.of(SUBMITTED);
			case SUBMITTED -> EnumSet.of(UNKNOWN, PAID, FAILED);
			case UNKNOWN -> EnumSet.of(PAID, FAILED);
			case PAID -> EnumSet.of(RETURNED);
			case FAILED, RETURNED -> EnumSet.noneOf(PayoutStatus.class);
		};
		return moves.contains(next);
	}
}
