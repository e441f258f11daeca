package com.settledesk.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Tokens {@link TokenStateValidator} found valid, remembered for a moment ({@code settledesk.security.token-state-cache},
 * one second; zero remembers none) so that a client's burst of requests is checked against the database once, not once
 * per request — that query was the largest part of a single capture's cost. A change made in this instance (logout,
 * lockout, new password) forgets them all at once and again when it commits; one made elsewhere (another instance, the
 * database by hand) takes effect within the moment. Only valid verdicts are kept: a refused token is asked about every
 * time.
 */
@Component
class TokenStates {

	private final Cache<String, Boolean> valid;

	TokenStates(Clock clock, SecurityProperties properties) {
		Duration keep = properties.tokenStateCache();
		this.valid = Caffeine.newBuilder()
			.maximumSize(keep.isZero() ? 0 : 100_000)
			.expireAfterWrite(keep)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	boolean knownValid(String tokenId) {
		return valid.getIfPresent(tokenId) != null;
	}

	void foundValid(String tokenId) {
		valid.put(tokenId, Boolean.TRUE);
	}

	/** A user's standing changed: every remembered verdict is forgotten now and after the change commits. */
	void changed() {
		valid.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					valid.invalidateAll();
				}
			});
		}
	}
}
