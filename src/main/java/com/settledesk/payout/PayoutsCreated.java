package com.settledesk.payout;

import java.util.List;
import java.util.UUID;

/**
 * A settlement sweep created payouts: their ids, at most {@link #MAX_IDS} per event (one small publication per swept
 * chunk). Listeners read the payouts through {@link Payouts#byIds}.
 */
public record PayoutsCreated(List<UUID> payoutIds) {

	public static final int MAX_IDS = 1000;
}
