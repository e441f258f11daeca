package com.settledesk.audit;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The append-only audit log. {@link #record} joins the caller's transaction: the entry is kept exactly
 * when the audited change is.
 */
public interface AuditLog {

	void record(AuditEvent event);

	/**
	 * Walks the whole chain in pages (bounded memory however long it is), checking each keyed seal, each link
	 * and the latest anchors signed outside the database; tells {@code entriesChecked} as it goes.
	 */
	ChainVerification verifyChain(LongConsumer entriesChecked);

	default ChainVerification verifyChain() {
		return verifyChain(checked -> {
		});
	}

	/** The latest verification (scheduled, asked over the API or from the page) since the start, if any. */
	Optional<ChainVerification> lastVerification();

	/** How many entries the chain has now. */
	long length();

	Optional<ChainAnchor> lastAnchor();

	/** The public half of the key that signs the anchors (X.509, base64), to check them outside the application. */
	String anchorPublicKey();

	List<AuditEntry> latest(int limit);
}
