package com.settledesk.shared;

/** The resource does not exist or belongs to someone else (whose existence is not revealed): answered 404. */
public class ResourceNotFoundException extends RuntimeException {

	public ResourceNotFoundException(String what) {
		super(what + " not found");
	}
}
