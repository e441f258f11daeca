package com.settledesk.cardchange.internal;

import org.springframework.security.access.AccessDeniedException;

/** The decision needs a role the reviewer does not have (a second approval needs a senior reviewer): 403. */
class ReviewerNotAllowedException extends AccessDeniedException {

	ReviewerNotAllowedException(String message) {
		super(message);
	}
}
