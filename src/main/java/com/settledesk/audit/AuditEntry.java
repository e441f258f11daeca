package com.settledesk.audit;

import java.time.Instant;

/** One stored entry of the chain; {@code keyId} names the key its hash was sealed with. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String action, String targetType,
		String targetId, String clientIp, String before, String after, String prevHash, String hash, String keyId) {
}
