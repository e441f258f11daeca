package com.settledesk.audit.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

import com.settledesk.audit.AuditEntry;
import com.settledesk.audit.ChainVerification;
import com.settledesk.secrets.AuditChainKeys;

/**
 * Checks the chain up to a head read before the walk, one page at a time, so a log of any length is checked in
 * the memory of one page: every sequence number present, every entry linked to the one before, every seal made
 * with a known key over exactly the stored fields, and every anchor (signed outside the database) agreeing with
 * the entry at its sequence number. Names the first entry that does not hold.
 */
final class ChainWalk {

	/** Problems, as stable codes for the API and keys of the operator page's messages. */
	enum Problem {
		ENTRY_MISSING, LINK_BROKEN, CONTENT_ALTERED, UNKNOWN_KEY, NOT_SEALED, ANCHOR_SIGNATURE_INVALID, ANCHOR_MISMATCH,
		ENTRIES_REMOVED
	}

	/** Entries with a sequence number above {@code afterSeq} and at most {@code upToSeq}, in order, at most limit. */
	@FunctionalInterface
	interface Pages {

		List<AuditEntry> page(long afterSeq, long upToSeq, int limit);
	}

	record Head(long seq, String hash) {
	}

	private final AuditChainKeys keys;
	private final int pageSize;

	ChainWalk(AuditChainKeys keys, int pageSize) {
		this.keys = keys;
		this.pageSize = pageSize;
	}

	ChainVerification walk(Head head, List<Anchor> anchorList, Pages pages, LongConsumer progress) {
		List<Anchor> anchors = new ArrayList<>(anchorList);
		anchors.sort(Comparator.comparingLong(Anchor::seq));
		Anchor last = anchors.isEmpty() ? null : anchors.get(anchors.size() - 1);
		return check(head, anchors, pages, progress).against(anchors.size(), last == null ? null : last.seq(),
				last == null ? null : last.at());
	}

	private ChainVerification check(Head head, List<Anchor> anchors, Pages pages, LongConsumer progress) {
		for (Anchor anchor : anchors) {
			if (anchor.signature() == null || anchor.hash() == null
					|| !keys.anchorSignatureHolds(anchor.signedContent(), anchor.signature())) {
				return ChainVerification.brokenAt(0, anchor.seq(), Problem.ANCHOR_SIGNATURE_INVALID.name());
			}
		}
		if (!anchors.isEmpty() && anchors.get(anchors.size() - 1).seq() > head.seq()) {
			return ChainVerification.brokenAt(0, head.seq() + 1, Problem.ENTRIES_REMOVED.name());
		}
		String expectedPrev = AuditHash.GENESIS;
		long expectedSeq = 1;
		long checked = 0;
		int nextAnchor = 0;
		while (expectedSeq <= head.seq()) {
			List<AuditEntry> page = pages.page(expectedSeq - 1, head.seq(), pageSize);
			if (page.isEmpty()) {
				return ChainVerification.brokenAt(checked, expectedSeq, Problem.ENTRY_MISSING.name());
			}
			for (AuditEntry entry : page) {
				if (entry.seq() != expectedSeq) {
					return ChainVerification.brokenAt(checked, expectedSeq, Problem.ENTRY_MISSING.name());
				}
				if (!expectedPrev.equals(entry.prevHash())) {
					return ChainVerification.brokenAt(checked, entry.seq(), Problem.LINK_BROKEN.name());
				}
				if (entry.keyId() == null) {
					return ChainVerification.brokenAt(checked, entry.seq(), Problem.NOT_SEALED.name());
				}
				if (!keys.knowsSealKey(entry.keyId())) {
					return ChainVerification.brokenAt(checked, entry.seq(), Problem.UNKNOWN_KEY.name());
				}
				if (!AuditHash.of(entry, keys).equals(entry.hash())) {
					return ChainVerification.brokenAt(checked, entry.seq(), Problem.CONTENT_ALTERED.name());
				}
				while (nextAnchor < anchors.size() && anchors.get(nextAnchor).seq() <= entry.seq()) {
					Anchor anchor = anchors.get(nextAnchor++);
					if (anchor.seq() == entry.seq() && !anchor.hash().equals(entry.hash())) {
						return ChainVerification.brokenAt(checked, entry.seq(), Problem.ANCHOR_MISMATCH.name());
					}
				}
				checked++;
				expectedSeq++;
				expectedPrev = entry.hash();
			}
			progress.accept(checked);
		}
		if (!expectedPrev.equals(head.hash())) {
			return ChainVerification.brokenAt(checked, head.seq(), Problem.ENTRIES_REMOVED.name());
		}
		return ChainVerification.intact(checked);
	}
}
