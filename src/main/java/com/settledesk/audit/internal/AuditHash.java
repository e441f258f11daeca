package com.settledesk.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.settledesk.audit.AuditEntry;
import com.settledesk.secrets.AuditChainKeys;

/**
 * An entry's seal: HMAC-SHA-256, under the key its key id names, of the previous hash and every field of the
 * entry, each length-prefixed so that no two different entries give the same input. Without the key nobody
 * can compute a seal, so rewriting the chain takes more than access to the database.
 */
final class AuditHash {

	static final String GENESIS = "0".repeat(64);

	private AuditHash() {
	}

	static String of(AuditEntry e, AuditChainKeys keys) {
		return keys.seal(e.keyId(), content(e));
	}

	static byte[] content(AuditEntry e) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(512);
		for (String field : new String[] { e.prevHash(), Long.toString(e.seq()), e.occurredAt().toString(),
				e.actor(), e.action(), e.targetType(), e.targetId(), e.clientIp(), e.before(), e.after() }) {
			byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
			out.writeBytes((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
			out.writeBytes(bytes);
		}
		return out.toByteArray();
	}
}
