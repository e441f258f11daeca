package com.settledesk.identity.internal;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import com.settledesk.shared.GeneratedSecretFile;

/**
 * Where the token signing secret comes from: the configured secret (production: SETTLEDESK_TOKEN_SECRET),
 * else — in the demo only — a random one generated at first start and kept in a file under ./data, so
 * restarts keep tokens valid and no secret is a constant anyone can read in the source.
 */
final class TokenSecrets {

	private TokenSecrets() {
	}

	static String resolve(SecurityProperties properties) {
		if (properties.tokenSecret() != null && !properties.tokenSecret().isBlank()) {
			if (properties.tokenSecret().length() < 32) {
				throw new IllegalStateException("settledesk.security.token-secret must be at least 32 characters");
			}
			return properties.tokenSecret();
		}
		if (properties.tokenSecretFile() == null) {
			throw new IllegalStateException(
					"settledesk.security.token-secret is required: set SETTLEDESK_TOKEN_SECRET to at least 32 random characters");
		}
		return readOrCreate(properties.tokenSecretFile());
	}

	private static String readOrCreate(Path file) {
		String secret = GeneratedSecretFile.readOrCreate(file, () -> {
			byte[] random = new byte[48];
			new SecureRandom().nextBytes(random);
			return Base64.getEncoder().encodeToString(random);
		});
		if (secret.length() < 32) {
			throw new IllegalStateException("The token secret in " + file + " is shorter than 32 characters");
		}
		return secret;
	}
}
