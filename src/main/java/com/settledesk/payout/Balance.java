package com.settledesk.payout;

import com.settledesk.shared.Money;

/** What the acquirer owes the merchant (available), what is on its way (pending), and whether payouts are held. */
public record Balance(Money available, Money pending, boolean held, String heldReason) {
}
