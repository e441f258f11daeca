package com.settledesk.audit;

import java.time.Instant;

/**
 * The outcome of walking the chain: intact, or the first entry whose seal, link or anchor does not hold
 * ({@code problem} a stable code); how many of the latest anchors (signed outside the database) it was held
 * against and the latest of them; when it was verified.
 */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem,
		int anchorsChecked, Long lastAnchorSeq, Instant lastAnchorAt, Instant verifiedAt) {

	public static ChainVerification intact(long checked) {
		return new ChainVerification(true, checked, null, null, 0, null, null, null);
	}

	public static ChainVerification brokenAt(long checked, long seq, String problem) {
		return new ChainVerification(false, checked, seq, problem, 0, null, null, null);
	}

	public ChainVerification against(int anchors, Long anchorSeq, Instant anchorAt) {
		return new ChainVerification(intact, entriesChecked, firstBrokenSeq, problem, anchors, anchorSeq, anchorAt,
				verifiedAt);
	}

	public ChainVerification at(Instant when) {
		return new ChainVerification(intact, entriesChecked, firstBrokenSeq, problem, anchorsChecked, lastAnchorSeq,
				lastAnchorAt, when);
	}
}
