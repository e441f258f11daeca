package com.settledesk.identity.internal;

import com.settledesk.identity.CurrentUser;

/** The answer to a login: the user, or why not (never which part of the credentials was wrong). */
public record LoginOutcome(Result result, CurrentUser user) {

	public enum Result {
		SUCCEEDED, FAILED, LOCKED
	}

	static LoginOutcome succeeded(CurrentUser user) {
		return new LoginOutcome(Result.SUCCEEDED, user);
	}

	static LoginOutcome failed() {
		return new LoginOutcome(Result.FAILED, null);
	}

	static LoginOutcome locked() {
		return new LoginOutcome(Result.LOCKED, null);
	}
}
