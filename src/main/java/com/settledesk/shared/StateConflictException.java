package com.settledesk.shared;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** An action that the current state does not allow, or a duplicate of something unique: answered 409. */
@ResponseStatus(HttpStatus.CONFLICT)
public class StateConflictException extends RuntimeException {

	private final String code;

	public StateConflictException(String code, String detail) {
		super(detail);
		this.code = code;
	}

	public String code() {
		return code;
	}
}
