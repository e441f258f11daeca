package com.settledesk.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The resource does not exist or belongs to someone else (whose existence is not revealed): answered 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ResourceNotFoundException extends RuntimeException {

	public ResourceNotFoundException(String what) {
		super(what + " not found");
	}
}
