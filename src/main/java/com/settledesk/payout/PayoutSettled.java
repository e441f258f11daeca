package com.settledesk.payout;

/**
 * The bank's word on a payout: PAID, FAILED (money back in the balance) or RETURNED (paid, then sent back).
 * {@code merchantHeld}: this failure or return was one too many for the card, and the merchant's payouts are
 * held until it changes or finance releases them.
 */
public record PayoutSettled(PayoutView payout, boolean merchantHeld) {
}
