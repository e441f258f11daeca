package com.settledesk.identity;

import java.time.Instant;

/** What identity knows of a user's sign-ins and credentials, for risk decisions elsewhere. */
public interface LoginHistory {

	/** The address is new for this user (first seen in the last hour) while the user has signed in from others before. */
	boolean isUnfamiliarAddress(String username, String address);

	/** The password was changed (not merely set at creation) after the given time. */
	boolean passwordChangedSince(String username, Instant since);
}
