package com.settledesk.secrets.internal;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Keys in configuration: base64 each, and keys retired by a rotation listed as "id:base64,id:base64". */
final class KeyLists {

	private KeyLists() {
	}

	static Map<String, byte[]> parse(String list, String property) {
		Map<String, byte[]> keys = new LinkedHashMap<>();
		if (list == null) {
			return keys;
		}
		for (String entry : list.split(",")) {
			String trimmed = entry.trim();
			if (trimmed.isEmpty()) {
				continue;
			}
			int colon = trimmed.indexOf(':');
			if (colon <= 0) {
				throw new IllegalArgumentException(property + " entries are id:base64");
			}
			keys.put(trimmed.substring(0, colon), decode(trimmed.substring(colon + 1)));
		}
		return keys;
	}

	static byte[] decode(String base64) {
		try {
			return Base64.getDecoder().decode(base64.trim());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("A key must be base64 of 32 bytes", e);
		}
	}
}
