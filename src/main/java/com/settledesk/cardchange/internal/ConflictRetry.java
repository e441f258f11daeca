package com.settledesk.cardchange.internal;

import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Re-runs a command on fresh state when another writer changed the request meanwhile. For commands whose
 * meaning does not depend on what changed (a cancellation, the system's own routing); reviewers' decisions
 * are not retried: two decisions at once must see a 409.
 */
final class ConflictRetry {

	private static final int ATTEMPTS = 3;

	private ConflictRetry() {
	}

	static <T> T onConflict(Supplier<T> command) {
		for (int attempt = 1;; attempt++) {
			try {
				return command.get();
			}
			catch (OptimisticLockingFailureException e) {
				if (attempt == ATTEMPTS) {
					throw e;
				}
			}
		}
	}
}
