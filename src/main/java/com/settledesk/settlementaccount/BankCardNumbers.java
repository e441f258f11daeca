package com.settledesk.settlementaccount;

/** Rules for bank card numbers: digits only, 16 to 19 long, Luhn check digit. */
public final class BankCardNumbers {

	public static final int MIN_LENGTH = 16;
	public static final int MAX_LENGTH = 19;

	private BankCardNumbers() {
	}

	/** Removes the spaces and dashes people type between digit groups. */
	public static String normalize(String number) {
		return number == null ? null : number.replaceAll("[\\s-]", "");
	}

	public static boolean luhnValid(String digits) {
		if (digits == null || digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
			return false;
		}
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	/** The check digit that makes the given digits Luhn-valid when appended. */
	public static char luhnCheckDigit(String digitsWithoutCheck) {
		for (char candidate = '0'; candidate <= '9'; candidate++) {
			if (luhnValid(digitsWithoutCheck + candidate)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("Not digits");
	}
}
