package com.settledesk.payout;

import java.util.List;

/** A settlement sweep created payouts (published once per swept chunk, with every payout it created). */
public record PayoutsCreated(List<PayoutView> payouts) {
}
