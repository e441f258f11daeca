package com.settledesk.identity;

import java.util.Optional;

/** What other modules may ask of identity. */
public interface UserAccounts {

	long count();

	boolean exists(String username);

	/** Registers a user; a taken username is a 409 (USERNAME_TAKEN), a weak password a 422. */
	void register(UserRegistration registration);

	/** Many at once, all or none (a team onboarded, the demo's users); each as {@link #register} would. */
	void registerAll(java.util.List<UserRegistration> registrations);

	/**
	 * The user as the principal of work done for them outside any request (the demo's history, written as its shop
	 * owner and its operators would have done it); empty for an unknown or disabled user. Never given request input.
	 */
	Optional<CurrentUser> actingAs(String username);
}
