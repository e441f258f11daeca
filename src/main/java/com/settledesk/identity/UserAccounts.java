package com.settledesk.identity;

/** What other modules may ask of identity. */
public interface UserAccounts {

	long count();

	boolean exists(String username);

	/** Registers a user; a taken username is a 409 (USERNAME_TAKEN), a weak password a 422. */
	void register(UserRegistration registration);
}
