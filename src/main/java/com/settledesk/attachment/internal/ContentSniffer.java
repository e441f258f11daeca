package com.settledesk.attachment.internal;

import java.util.Optional;

/** Judges a file's type by its first bytes (magic numbers), never by its name or declared type. */
final class ContentSniffer {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };
	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A };
	private static final byte[] PDF = { '%', 'P', 'D', 'F', '-' };

	private ContentSniffer() {
	}

	static Optional<String> contentType(byte[] content) {
		if (startsWith(content, JPEG)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(content, PNG)) {
			return Optional.of("image/png");
		}
		if (startsWith(content, PDF)) {
			return Optional.of("application/pdf");
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] content, byte[] magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if (content[i] != magic[i]) {
				return false;
			}
		}
		return true;
	}
}
