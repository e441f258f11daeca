package com.settledesk.jobs;

import java.util.Optional;
import java.util.UUID;

/** Starts long work in the background and answers how far it got; only the user who started a job sees it. */
public interface BackgroundJobs {

	/** Records the job and runs it on a worker thread; answers at once with the job's id. */
	UUID start(String kind, String owner, Work work);

	Optional<JobView> find(UUID id, String owner);

	/** The file the job produced, once it is done. */
	Optional<JobResult> result(UUID id, String owner);

	/** The work itself: reports progress and answers the file it produced (or none). */
	@FunctionalInterface
	interface Work {

		JobResult run(Progress progress) throws Exception;
	}

	/** How far the work got, in its own units (lines, bytes); cheap to call often. */
	interface Progress {

		void total(long total);

		void done(long done);
	}
}
