package com.settledesk.jobs;

import java.time.Instant;
import java.util.UUID;

/** A job as its owner sees it. {@code failureCode} and {@code failureDetail} say why a failed job failed. */
public record JobView(UUID id, String kind, JobStatus status, long done, long total, String resultName,
		String failureCode, String failureDetail, Instant startedAt, Instant finishedAt) {

	/** Whole percent done, 0–100; a job that does not know its total yet is at 0 until it is done. */
	public int percent() {
		if (status == JobStatus.DONE) {
			return 100;
		}
		return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
	}

	public boolean finished() {
		return status == JobStatus.DONE || status == JobStatus.FAILED;
	}
}
