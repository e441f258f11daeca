package com.settledesk.identity;

import java.util.Locale;
import java.util.UUID;

/**
 * Step-up confirmation by a six-digit code sent by SMS: valid 5 minutes, single use, at most 5 wrong tries,
 * a new one no sooner than 60 seconds after the last (else 429).
 */
public interface OneTimeCodes {

	/** Creates a code and sends it to the phone in the given language. */
	void send(UUID userId, OtpPurpose purpose, String phone, Locale language);

	/** Consumes the user's current code for the purpose if it matches; a wrong code counts a try. */
	boolean verify(UUID userId, OtpPurpose purpose, String code);
}
