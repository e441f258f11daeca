package com.settledesk.verification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The provider's request signature (docs/verification-provider.md): hex HMAC-SHA256 with the shared secret over
 * {@code timestamp + "\n" + nonce + "\n" + body}. Both sides use it: the adapter signs, the simulator checks.
 */
final class ProviderSignature {

	private ProviderSignature() {
	}

	static String sign(String secret, String timestamp, String nonce, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(
					mac.doFinal((timestamp + "\n" + nonce + "\n" + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
		}
	}

	/** Compared in constant time, so the answer's timing tells nothing about a forged signature. */
	static boolean matches(String secret, String timestamp, String nonce, String body, String given) {
		if (given == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, timestamp, nonce, body).getBytes(StandardCharsets.US_ASCII),
				given.getBytes(StandardCharsets.US_ASCII));
	}
}
