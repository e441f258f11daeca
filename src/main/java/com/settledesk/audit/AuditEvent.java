package com.settledesk.audit;

import java.util.Map;

/**
 * Something worth recording. A null actor means the authenticated user (or "system" when there is none);
 * a null client IP means the address of the current request. Before/after hold masked values only;
 * anything that still looks like a card or ID number is masked again on the way in.
 */
public record AuditEvent(String actor, String action, String targetType, String targetId, String clientIp,
		Map<String, ?> before, Map<String, ?> after) {

	public static AuditEvent of(String action, String targetType, String targetId) {
		return new AuditEvent(null, action, targetType, targetId, null, null, null);
	}

	public AuditEvent by(String actor) {
		return new AuditEvent(actor, action, targetType, targetId, clientIp, before, after);
	}

	public AuditEvent from(String ip) {
		return new AuditEvent(actor, action, targetType, targetId, ip, before, after);
	}

	public AuditEvent before(Map<String, ?> state) {
		return new AuditEvent(actor, action, targetType, targetId, clientIp, state, after);
	}

	public AuditEvent after(Map<String, ?> state) {
		return new AuditEvent(actor, action, targetType, targetId, clientIp, before, state);
	}
}
