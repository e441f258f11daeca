package com.settledesk.audit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEntry;
import com.settledesk.secrets.AuditChainKeys;

/**
 * Entries written before the chain was keyed carry a plain SHA-256 and no key id. At start — before anything
 * else can append — they are checked against their old chain and, only if it holds, sealed again with the
 * active key in one transaction, from the first of them on (entries before it, and their anchors, stay as they are). A broken old chain is left as it is and shows in verification.
 */
@Component
class ChainUpgrade implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChainUpgrade.class);
	private static final int PAGE = 1000;

	private final JdbcAuditLog chain;
	private final AuditChainKeys keys;
	private final TransactionTemplate tx;
	private volatile boolean running;

	ChainUpgrade(JdbcAuditLog chain, AuditChainKeys keys, TransactionTemplate tx) {
		this.chain = chain;
		this.keys = keys;
		this.tx = tx;
	}

	@Override
	public void start() {
		running = true;
		if (chain.firstUnsealedSeq().isEmpty()) {
			return;
		}
		try {
			long sealed = tx.execute(status -> resealAll());
			log.info("Audit chain: {} entries sealed with key {}", sealed, keys.activeSealKeyId());
		}
		catch (OldChainBroken e) {
			log.error("Audit chain not sealed with a key: the old chain is broken at entry {}", e.seq);
		}
	}

	/** Seals every entry from the first one without a key id on; answers how many. */
	long resealAll() {
		ChainWalk.Head head = chain.lockHead();
		long first = chain.firstUnsealedSeq().orElse(head.seq() + 1);
		String before = first == 1 ? AuditHash.GENESIS
				: chain.page(first - 2, first - 1, 1).stream().findFirst().map(AuditEntry::hash)
					.orElseThrow(() -> new OldChainBroken(first - 1));
		String oldPrev = before;
		String newPrev = before;
		long expected = first;
		while (expected <= head.seq()) {
			List<AuditEntry> page = chain.page(expected - 1, head.seq(), PAGE);
			if (page.isEmpty()) {
				throw new OldChainBroken(expected);
			}
			for (AuditEntry entry : page) {
				if (entry.seq() != expected || !oldPrev.equals(entry.prevHash()) || !holds(entry)) {
					throw new OldChainBroken(expected);
				}
				AuditEntry resealed = new AuditEntry(entry.seq(), entry.occurredAt(), entry.actor(), entry.action(),
						entry.targetType(), entry.targetId(), entry.clientIp(), entry.before(), entry.after(), newPrev,
						null, keys.activeSealKeyId());
				String hash = AuditHash.of(resealed, keys);
				chain.reseal(entry.seq(), newPrev, hash, resealed.keyId());
				oldPrev = entry.hash();
				newPrev = hash;
				expected++;
			}
		}
		if (!oldPrev.equals(head.hash())) {
			throw new OldChainBroken(head.seq());
		}
		chain.moveHead(head.seq(), newPrev);
		return head.seq() - first + 1;
	}

	/** The entry's own hash: the old plain SHA-256 when it has no key id, else its keyed seal. */
	private boolean holds(AuditEntry entry) {
		if (entry.keyId() != null) {
			return keys.knowsSealKey(entry.keyId()) && AuditHash.of(entry, keys).equals(entry.hash());
		}
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(AuditHash.content(entry)))
				.equals(entry.hash());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Before the demo's data and every other writer. */
	@Override
	public int getPhase() {
		return -100;
	}

	private static final class OldChainBroken extends RuntimeException {

		private final long seq;

		OldChainBroken(long seq) {
			super(null, null, false, false);
			this.seq = seq;
		}
	}
}
