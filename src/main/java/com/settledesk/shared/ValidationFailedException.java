package com.settledesk.shared;

import java.util.List;

/** Input that breaks a business rule: answered 422 with one entry per field. */
public class ValidationFailedException extends RuntimeException {

	private final List<FieldViolation> violations;

	public ValidationFailedException(List<FieldViolation> violations) {
		super("Validation failed: " + violations.stream().map(v -> v.field() + "=" + v.code()).toList());
		this.violations = List.copyOf(violations);
	}

	public ValidationFailedException(FieldViolation violation) {
		this(List.of(violation));
	}

	public List<FieldViolation> violations() {
		return violations;
	}
}
