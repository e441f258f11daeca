package com.settledesk.payout;

import com.settledesk.shared.Money;

/** The outcome of one sweep. */
public record SettlementRun(String mode, boolean workingDay, int merchantsConsidered, int payoutsCreated,
		Money total, int held) {
}
