package com.settledesk.payout;

import java.time.Instant;
import java.util.UUID;

/**
 * A difference between our payouts and the bank's file: FAILED_HERE_PAID_AT_BANK (the most severe: the money went
 * back to the merchant's balance for a transfer the bank booked), MISSING_AT_BANK (we sent it, the bank's file
 * does not have it), UNKNOWN_AT_BANK (the bank's file has a payout we do not know), AMOUNT_MISMATCH,
 * STATUS_MISMATCH.
 */
public record ReconciliationBreak(long id, UUID runId, String kind, UUID payoutId, Long lineNo, Long ourAmountFen,
		Long bankAmountFen, String ourStatus, String bankStatus, String bankReference, String status,
		String resolution, String resolvedBy, Instant resolvedAt) {

	/** Our amount as money, when we have the payout. */
	public com.settledesk.shared.Money ourAmount() {
		return ourAmountFen == null ? null : com.settledesk.shared.Money.ofFen(ourAmountFen);
	}

	/** The bank's amount as money, when its line gave one. */
	public com.settledesk.shared.Money bankAmount() {
		return bankAmountFen == null ? null : com.settledesk.shared.Money.ofFen(bankAmountFen);
	}

	public boolean isOpen() {
		return "OPEN".equals(status);
	}

	/** Whether taking the bank's answer is a move the payout's state allows. */
	public boolean bankAnswerApplicable() {
		return isOpen() && "STATUS_MISMATCH".equals(kind)
				&& ((("SUBMITTED".equals(ourStatus) || "UNKNOWN".equals(ourStatus))
						&& ("PAID".equals(bankStatus) || "FAILED".equals(bankStatus)))
						|| ("PAID".equals(ourStatus) && ("RETURNED".equals(bankStatus) || "FAILED".equals(bankStatus))));
	}
}
