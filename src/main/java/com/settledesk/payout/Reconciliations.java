package com.settledesk.payout;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Reconciliation of payouts with the bank's daily result file (对账): importing a file (a background job;
 * the same file twice changes nothing; a corrupt or cut-off file is refused whole; one accepted file per bank day
 * and channel, replaced only when finance says so and why), the breaks it found, and resolving them (audited).
 */
public interface Reconciliations {

	/**
	 * Imports an uploaded file in the background; answers the upload, whose job runs it. The content is read
	 * before return. {@code replaceReason}: null, or why this file replaces the day's accepted one (2–500 chars).
	 */
	ReconciliationUpload importFile(String fileName, InputStream content, String owner, String replaceReason);

	/** Fetches the bank's result file for the day through the bank channel and imports it, as {@link #importFile}. */
	ReconciliationUpload importBankFile(LocalDate businessDay, String owner, String replaceReason);

	/** The latest files handed to reconciliation, refused ones included, newest first. */
	List<ReconciliationUpload> uploads(int limit);

	ReconciliationUpload upload(UUID id);

	List<ReconciliationRun> runs(int limit);

	ReconciliationRun run(UUID runId);

	List<ReconciliationBreak> breaks(UUID runId);

	/** All of a run's breaks as CSV, streamed to the output (a run can have a million). */
	void exportBreaks(UUID runId, OutputStream out);

	/**
	 * Resolves a break with a note; with {@code applyBankAnswer}, a payout still waiting for the bank, or paid
	 * and then reported failed or returned, takes the bank's answer (the money goes where that answer says).
	 */
	void resolve(long breakId, String note, boolean applyBankAnswer, String by);
}
