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
		PAID, FAILED, TIMEOUT
	}

	record Answer(Outcome outcome, String bankReference, String reason) {
	}

	record Return(UUID payoutId, String reason) {
	}

	Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen);

	/** Payouts the bank paid and later returned (e.g. the card was closed), not yet collected. */
	List<Return> collectReturns();

	/**
	 * The bank's result file for a business day (format: docs/bank-result-file.md), fetched to a local file as
	 * a real bank's arrives by SFTP; empty while the bank has none for that day.
	 */
	Optional<Path> resultFile(LocalDate businessDay);
}
