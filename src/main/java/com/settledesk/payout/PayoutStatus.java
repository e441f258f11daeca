package com.settledesk.payout;

public enum PayoutStatus {
	CREATED, SUBMITTED, PAID, FAILED, RETURNED;

	public boolean isPending() {
		return this == CREATED || this == SUBMITTED;
	}
}
