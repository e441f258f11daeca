package com.settledesk.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/** Mainland resident ID numbers (居民身份证号码): 18 characters, GB 11643 check digit, the last may be X. */
public final class ResidentIdNumber {

	private static final Pattern SHAPE = Pattern.compile("[1-9][0-9]{16}[0-9X]");
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private ResidentIdNumber() {
	}

	public static boolean isValid(String value) {
		if (value == null || !SHAPE.matcher(value).matches()) {
			return false;
		}
		try {
			LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
					Integer.parseInt(value.substring(12, 14)));
		}
		catch (DateTimeException e) {
			return false;
		}
		return value.charAt(17) == checkCharacter(value.substring(0, 17));
	}

	/** The GB 11643 check character for the first 17 digits. */
	public static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	/** Upper-cases a trailing x and strips spaces, as people type them. */
	public static String normalize(String value) {
		return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
	}
}
