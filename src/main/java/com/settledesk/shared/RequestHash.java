package com.settledesk.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fingerprint of an idempotent request's content (SHA-256, hex, of its parts joined by NUL): a request sent
 * again under the same idempotency key must carry the same content, or it is refused.
 */
public final class RequestHash {

	private RequestHash() {
	}

	public static String of(Object... parts) {
		String canonical = String.join("\u0000", Arrays.stream(parts).map(String::valueOf).toList());
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
