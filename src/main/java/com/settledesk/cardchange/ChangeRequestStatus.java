package com.settledesk.cardchange;

import java.util.EnumSet;
import java.util.Set;

/** The life of a change request, and which step may follow which. */
public enum ChangeRequestStatus {

	SUBMITTED, PENDING_REVIEW, NEEDS_INFO, PENDING_SECOND_REVIEW, APPROVED, SCHEDULED, EFFECTIVE, REJECTED, CANCELLED;

	private static final Set<ChangeRequestStatus> FINAL = EnumSet.of(EFFECTIVE, REJECTED, CANCELLED);

	public boolean isOpen() {
		return !FINAL.contains(this);
	}

	/** Until the new card has taken effect the merchant can still stop the change. */
	public boolean isCancellable() {
		return isOpen();
	}

	public boolean canMoveTo(ChangeRequestStatus next) {
		return switch (this) {
			case SUBMITTED -> next == PENDING_REVIEW || next == CANCELLED;
			case PENDING_REVIEW -> EnumSet.of(NEEDS_INFO, PENDING_SECOND_REVIEW, APPROVED, REJECTED, CANCELLED).contains(next);
			case NEEDS_INFO -> next == PENDING_REVIEW || next == REJECTED || next == CANCELLED;
			case PENDING_SECOND_REVIEW -> EnumSet.of(APPROVED, NEEDS_INFO, REJECTED, CANCELLED).contains(next);
			case APPROVED -> next == SCHEDULED || next == CANCELLED;
			case SCHEDULED -> next == EFFECTIVE || next == CANCELLED;
			case EFFECTIVE, REJECTED, CANCELLED -> false;
		};
	}
}
