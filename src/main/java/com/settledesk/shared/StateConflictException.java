package com.settledesk.shared;

/** An action that the current state does not allow, or a duplicate of something unique: answered 409. */
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
