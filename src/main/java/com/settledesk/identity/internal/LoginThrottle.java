package com.settledesk.identity.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins of one username: {@code maxFailures} failures within {@code window} lock the name for
 * {@code lockDuration}. Kept for names that do not exist too, so a lock reveals nothing about accounts.
 */
final class LoginThrottle {

	record Policy(int maxFailures, Duration window, Duration lockDuration) {
	}

	private final String username;
	private int failures;
	private Instant windowStartedAt;
	private Instant lockedUntil;

	LoginThrottle(String username, int failures, Instant windowStartedAt, Instant lockedUntil) {
		this.username = username;
		this.failures = failures;
		this.windowStartedAt = windowStartedAt;
		this.lockedUntil = lockedUntil;
	}

	static LoginThrottle fresh(String username) {
		return new LoginThrottle(username, 0, null, null);
	}

	boolean isLocked(Instant now) {
		return lockedUntil != null && now.isBefore(lockedUntil);
	}

	/** Counts a failure; answers whether this failure started a lock. */
	boolean recordFailure(Instant now, Policy policy) {
		if (windowStartedAt == null || !now.isBefore(windowStartedAt.plus(policy.window()))) {
			windowStartedAt = now;
			failures = 0;
		}
		failures++;
		if (failures >= policy.maxFailures()) {
			lockedUntil = now.plus(policy.lockDuration());
			failures = 0;
			windowStartedAt = null;
			return true;
		}
		return false;
	}

	void recordSuccess() {
		failures = 0;
		windowStartedAt = null;
		lockedUntil = null;
	}

	void unlock() {
		recordSuccess();
	}

	String username() {
		return username;
	}

	int failures() {
		return failures;
	}

	Instant windowStartedAt() {
		return windowStartedAt;
	}

	Instant lockedUntil() {
		return lockedUntil;
	}
}
