package com.settledesk.identity.internal;

import java.time.Duration;

import com.settledesk.identity.CurrentUser;

/** The answer to a login: the user, or why not (never which part of the credentials was wrong). */
public record LoginOutcome(Result result, CurrentUser user, Duration retryAfter) {

	public enum Result {
		SUCCEEDED, FAILED, LOCKED,
		/** Too many failures from the client's address, whatever the names tried. */
		RATE_LIMITED
	}

	static LoginOutcome succeeded(CurrentUser user) {
		return new LoginOutcome(Result.SUCCEEDED, user, null);
	}

	static LoginOutcome failed() {
		return new LoginOutcome(Result.FAILED, null, null);
	}

	static LoginOutcome locked() {
		return new LoginOutcome(Result.LOCKED, null, null);
	}

	static LoginOutcome rateLimited(Duration retryAfter) {
		return new LoginOutcome(Result.RATE_LIMITED, null, retryAfter);
	}
}
