package com.settledesk.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

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
		try {
			if (!Files.exists(file)) {
				byte[] random = new byte[48];
				new SecureRandom().nextBytes(random);
				Path parent = file.toAbsolutePath().getParent();
				Files.createDirectories(parent);
				Path temporary = Files.createTempFile(parent, ".token-secret", ".tmp");
				restrict(temporary);
				Files.writeString(temporary, Base64.getEncoder().encodeToString(random), StandardCharsets.US_ASCII);
				try {
					Files.move(temporary, file);
				}
				catch (FileAlreadyExistsException anotherInstanceWasFirst) {
					Files.deleteIfExists(temporary);
				}
			}
			String secret = Files.readString(file, StandardCharsets.US_ASCII).trim();
			if (secret.length() < 32) {
				throw new IllegalStateException("The token secret in " + file + " is shorter than 32 characters");
			}
			return secret;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot keep the generated token secret in " + file, e);
		}
	}

	private static void restrict(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException notPosix) {
			// Windows: the file inherits the folder's access rules
		}
	}
}
