package com.settledesk.integration.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code SettleDesk-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, one {@code v1}
 * per valid secret (two while a rolled secret overlaps the new one).
 */
final class WebhookSigner {

	private static final SecureRandom RANDOM = new SecureRandom();

	private WebhookSigner() {
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String header(long unixSeconds, String body, List<String> secrets) {
		StringBuilder header = new StringBuilder("t=").append(unixSeconds);
		for (String secret : secrets) {
			header.append(",v1=").append(hmac(secret, unixSeconds + "." + body));
		}
		return header.toString();
	}

	static String hmac(String secret, String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
		}
	}
}
