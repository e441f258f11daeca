package com.settledesk.shared.logging;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

import com.settledesk.shared.Masking;

/**
 * Last line of defence for structured (JSON) logs: every string written, message and stack trace alike,
 * has anything shaped like a card, account or ID number masked. Code must still never log one.
 */
public class MaskingJsonMembersCustomizer implements StructuredLoggingJsonMembersCustomizer<Object> {

	@Override
	public void customize(JsonWriter.Members<Object> members) {
		members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, Masking::maskSensitiveNumbers));
	}
}
