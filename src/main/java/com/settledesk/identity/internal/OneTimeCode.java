package com.settledesk.identity.internal;

import java.time.Instant;
import java.util.UUID;

/** One issued code. Its rules: expiry, single use, a limited number of wrong tries. */
final class OneTimeCode {

	static final int MAX_FAILED_TRIES = 5;

	private final UUID id;
	private final Instant expiresAt;
	private final String codeHash;
	private int failedTries;
	private Instant consumedAt;

	OneTimeCode(UUID id, String codeHash, Instant expiresAt, int failedTries, Instant consumedAt) {
		this.id = id;
		this.codeHash = codeHash;
		this.expiresAt = expiresAt;
		this.failedTries = failedTries;
		this.consumedAt = consumedAt;
	}

	boolean isUsable(Instant now) {
		return consumedAt == null && now.isBefore(expiresAt) && failedTries < MAX_FAILED_TRIES;
	}

	/** Tries a code (by its hash): consumes on a match, counts a wrong try otherwise. */
	boolean attempt(String candidateHash, Instant now) {
		if (!isUsable(now)) {
			return false;
		}
		if (java.security.MessageDigest.isEqual(codeHash.getBytes(), candidateHash.getBytes())) {
			consumedAt = now;
			return true;
		}
		failedTries++;
		return false;
	}

	UUID id() {
		return id;
	}

	int failedTries() {
		return failedTries;
	}

	Instant consumedAt() {
		return consumedAt;
	}
}
