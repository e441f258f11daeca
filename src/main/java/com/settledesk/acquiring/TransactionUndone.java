package com.settledesk.acquiring;

/** A captured transaction was refunded ({@code REFUNDED}) or reversed ({@code REVERSED}); its money left the balance. */
public record TransactionUndone(CapturedTransaction transaction) {
}
