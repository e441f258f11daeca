package com.settledesk.shared;

/** Enum values from text a person or a page sent, leniently: blank, unknown or badly cased text is simply none. */
public final class Enums {

	private Enums() {
	}

	/** The constant named by {@code value} (surrounding spaces ignored), or null. */
	public static <E extends Enum<E>> E parseOrNull(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}
}
