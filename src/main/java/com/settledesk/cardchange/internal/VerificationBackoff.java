package com.settledesk.cardchange.internal;

import java.time.Duration;

/** When to ask the provider again after a timeout: 30 s, 1 min, 2 min, … at most every 15 minutes. */
final class VerificationBackoff {

	private static final Duration FIRST = Duration.ofSeconds(30);
	private static final Duration MAX = Duration.ofMinutes(15);

	private VerificationBackoff() {
	}

	static Duration after(int attempts) {
		Duration delay = FIRST.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
		return delay.compareTo(MAX) > 0 ? MAX : delay;
	}
}
