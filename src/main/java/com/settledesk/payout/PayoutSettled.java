package com.settledesk.payout;

/** The bank's word on a payout: PAID, FAILED (money back in the balance) or RETURNED (paid, then sent back). */
public record PayoutSettled(PayoutView payout) {
}
