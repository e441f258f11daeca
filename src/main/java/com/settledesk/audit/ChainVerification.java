package com.settledesk.audit;

/** The outcome of walking the chain: intact, or the first entry whose hash or link does not hold. */
public record ChainVerification(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem) {

	public static ChainVerification intact(long checked) {
		return new ChainVerification(true, checked, null, null);
	}

	public static ChainVerification brokenAt(long checked, long seq, String problem) {
		return new ChainVerification(false, checked, seq, problem);
	}
}
