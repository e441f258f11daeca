package com.settledesk.audit;

import java.util.List;

/**
 * The append-only audit log. {@link #record} joins the caller's transaction: the entry is kept exactly
 * when the audited change is.
 */
public interface AuditLog {

	void record(AuditEvent event);

	ChainVerification verifyChain();

	List<AuditEntry> latest(int limit);
}
