package com.settledesk.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How secrets look wherever they are shown: card and account numbers keep the first 6 and last 4
 * characters (622202*********6788), ID numbers likewise, phones keep 3 and 4 (138****0001).
 */
public final class Masking {

	/** Runs of digits long enough to be a card, account or ID number (an ID may end in X). */
	private static final Pattern SENSITIVE_RUN = Pattern.compile("(?<![0-9])[0-9]{14,25}[0-9Xx]?(?![0-9])");

	private Masking() {
	}

	public static String maskAccountNumber(String number) {
		return keepEnds(number, 6, 4);
	}

	public static String maskIdNumber(String idNumber) {
		return keepEnds(idNumber, 6, 4);
	}

	public static String maskPhone(String phone) {
		return keepEnds(phone, 3, 4);
	}

	/** {@code z***@example.com}: the first letter and the domain stay, so a person recognises their address. */
	public static String maskEmail(String email) {
		if (email == null) {
			return null;
		}
		int at = email.indexOf('@');
		return at < 1 ? keepEnds(email, 1, 0) : email.charAt(0) + "***" + email.substring(at);
	}

	/** Masks every run of characters in free text that could be a card, account or ID number. */
	public static String maskSensitiveNumbers(String text) {
		if (text == null) {
			return null;
		}
		Matcher matcher = SENSITIVE_RUN.matcher(text);
		StringBuilder out = new StringBuilder(text.length());
		while (matcher.find()) {
			matcher.appendReplacement(out, keepEnds(matcher.group(), 6, 4));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String keepEnds(String value, int head, int tail) {
		if (value == null) {
			return null;
		}
		if (value.length() <= head + tail) {
			return "*".repeat(value.length());
		}
		return value.substring(0, head) + "*".repeat(value.length() - head - tail)
				+ value.substring(value.length() - tail);
	}
}
