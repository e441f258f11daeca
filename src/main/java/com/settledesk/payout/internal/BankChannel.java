package com.settledesk.payout.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The adapter a real bank's payout channel implements. Submissions are idempotent by payout id: submitting
 * the same payout again answers the first outcome and moves no money twice.
 */
interface BankChannel {

	enum Outcome {
		PAID, FAILED, TIMEOUT,
		/** The bank has the transfer and has not settled it yet (a file channel's answers come later). */
		PENDING,
		/** Only an inquiry answers this: the bank has no transfer with that payout id. */
		NOT_FOUND
	}

	record Answer(Outcome outcome, String bankReference, String reason) {
	}

	record Return(UUID payoutId, String reason) {
	}

	Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen);

	/**
	 * Asks the bank what became of a transfer, after a hand-over that ended without a definite answer: PAID (with
	 * the bank's reference) or FAILED when it has settled it, NOT_FOUND when it never received it, TIMEOUT when the
	 * inquiry itself got no answer. Nothing moves by asking.
	 */
	Answer inquire(UUID payoutId);

	/** Payouts the bank paid and later returned (e.g. the card was closed), not yet collected. */
	List<Return> collectReturns();

	/**
	 * The bank's result file for a business day (format: docs/bank-result-file.md), fetched to a local file as
	 * a real bank's arrives by SFTP; empty while the bank has none for that day.
	 */
	Optional<Path> resultFile(LocalDate businessDay);
}
