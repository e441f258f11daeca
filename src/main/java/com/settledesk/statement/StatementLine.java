package com.settledesk.statement;

import java.time.Instant;

import com.settledesk.shared.Money;

/**
 * One movement of the merchant's balance. {@code effect} is the ledger's own posting (what the merchant is
 * owed rises by it); {@code amount} and {@code fee} explain it: a capture of 100.00 with a fee of 0.38 has an
 * effect of 99.62. {@code entryKind} and {@code entryReference} name the ledger entry (for receipts and
 * disputes); {@code reference} is what the merchant knows it by (the transaction's reference, the payout id).
 */
public record StatementLine(Instant at, LineKind kind, String entryKind, String entryReference, String reference,
		Money amount, Money fee, Money effect, Money balanceAfter, String destinationMasked, String status) {

	public boolean feeCharged() {
		// A deposit is no fee (it comes back), yet the merchant paid it and gets a receipt for it.
		return kind == LineKind.TERMINAL_DEPOSIT ? effect.isNegative() : kind.chargesFee() && fee.isPositive();
	}
}
