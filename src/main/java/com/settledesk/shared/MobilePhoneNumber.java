package com.settledesk.shared;

import java.util.regex.Pattern;

/** Mainland mobile numbers: 11 digits starting with 1. */
public final class MobilePhoneNumber {

	private static final Pattern SHAPE = Pattern.compile("1[3-9][0-9]{9}");

	private MobilePhoneNumber() {
	}

	public static boolean isValid(String value) {
		return value != null && SHAPE.matcher(value).matches();
	}
}
