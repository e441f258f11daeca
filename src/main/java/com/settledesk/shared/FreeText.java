package com.settledesk.shared;

/**
 * Notes, reasons and addresses typed by people: stripped, blank meaning absent, and over its length a 422
 * {@code TOO_LONG} on the field (missing where required: {@code REQUIRED}).
 */
public final class FreeText {

	private FreeText() {
	}

	public static String required(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw new ValidationFailedException(new FieldViolation(field, "REQUIRED"));
		}
		return optional(field, value, maxLength);
	}

	/** The stripped text, or null when blank. */
	public static String optional(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > maxLength) {
			throw new ValidationFailedException(new FieldViolation(field, "TOO_LONG"));
		}
		return stripped;
	}
}
