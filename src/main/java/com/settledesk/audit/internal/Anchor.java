package com.settledesk.audit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The chain's head at a moment (sequence number and hash), signed with the anchor key and kept outside the
 * database: whoever later rewrites the chain, even with the sealing key, cannot make it agree with the anchor.
 */
record Anchor(long seq, String hash, Instant at, String signature) {

	/** The bytes the signature covers; a version tag first so the format can change without ambiguity. */
	static byte[] signed(long seq, String hash, Instant at) {
		return ("settledesk-audit-anchor/v1\n" + seq + "\n" + hash + "\n" + at).getBytes(StandardCharsets.UTF_8);
	}

	byte[] signedContent() {
		return signed(seq, hash, at);
	}
}
