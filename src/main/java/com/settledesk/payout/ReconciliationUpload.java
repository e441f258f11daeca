package com.settledesk.payout;

import java.time.Instant;
import java.util.UUID;

/**
 * A file handed to reconciliation (uploaded by finance or fetched from the bank) and what became of it:
 * IMPORTING while its job runs, then ACCEPTED (its run) or REFUSED (a code and detail, as the job's failure).
 * {@code replaceReason}: finance asked for it to replace the day's accepted file, and why.
 */
public record ReconciliationUpload(UUID id, UUID jobId, String fileName, String source, String requestedBy,
		Instant requestedAt, String replaceReason, String status, String refusalCode, String refusalDetail, UUID runId,
		Instant finishedAt) {

	public boolean refused() {
		return "REFUSED".equals(status);
	}

	public boolean accepted() {
		return "ACCEPTED".equals(status);
	}
}
