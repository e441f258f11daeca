package com.settledesk.payout;

import java.time.Instant;
import java.util.UUID;

/**
 * A file handed to reconciliation (uploaded by finance or fetched from the bank) and what became of it:
 * IMPORTING while its job runs, then ACCEPTED (its run) or REFUSED (a code and detail, as the job's failure).
 * {@code replaceReason}: finance asked for it to replace the day's accepted file, and why.
 */
public record ReconciliationUpload(UUID id, UUID jobId, String fileName, Source source, String requestedBy,
		Instant requestedAt, String replaceReason, Status status, String refusalCode, String refusalDetail, UUID runId,
		Instant finishedAt) {

	/** Uploaded by finance, or fetched from the bank (on demand or by the nightly job). */
	public enum Source {
		UPLOAD, BANK
	}

	public enum Status {
		IMPORTING, ACCEPTED, REFUSED
	}

	public boolean refused() {
		return status == Status.REFUSED;
	}

	public boolean accepted() {
		return status == Status.ACCEPTED;
	}
}
