package com.settledesk.shared;

/**
 * One failed field check: the field as the client named it, a stable code from the API contract
 * (e.g. LUHN_CHECK_FAILED) and optional message arguments. The message itself is localised at the edge.
 */
public record FieldViolation(String field, String code, Object... args) {
}
