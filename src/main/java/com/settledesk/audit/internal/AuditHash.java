package com.settledesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.settledesk.audit.AuditEntry;

/**
 * SHA-256 over the previous hash and every field of the entry, each length-prefixed so that no two
 * different entries can produce the same input.
 */
final class AuditHash {

	static final String GENESIS = "0".repeat(64);

	private AuditHash() {
	}

	static String of(AuditEntry e) {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		for (String field : new String[] { e.prevHash(), Long.toString(e.seq()), e.occurredAt().toString(),
				e.actor(), e.action(), e.targetType(), e.targetId(), e.clientIp(), e.before(), e.after() }) {
			byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
			digest.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			digest.update(bytes);
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
