package com.settledesk.shared;

/**
 * A file name a client sent, made safe to store and to show again: no control characters (a CR/LF would
 * forge lines in a CSV or a header, a NUL cuts strings), no path, no leading dots, at most 200 characters.
 */
public final class FileNames {

	private static final int MAX = 200;

	private FileNames() {
	}

	public static String sanitize(String name, String fallback) {
		if (name == null) {
			return fallback;
		}
		String base = name.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		StringBuilder clean = new StringBuilder();
		base.codePoints()
			.filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT && c != '"' && c != '<'
					&& c != '>' && c != '|' && c != '*' && c != '?' && c != ':')
			.forEach(clean::appendCodePoint);
		String result = clean.toString().strip().replaceFirst("^\\.+", "");
		if (result.length() > MAX) {
			result = result.substring(0, MAX);
		}
		return result.isBlank() ? fallback : result;
	}
}
