package com.settledesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import com.settledesk.audit.AuditEntry;
import com.settledesk.audit.ChainVerification;
import com.settledesk.secrets.AuditChainKeys;

class ChainWalkUnitTests {

	private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

	private final TestKeys keys = new TestKeys();

	@Test
	void a_million_entries_are_checked_a_page_at_a_time() {
		int pageSize = 5000;
		GeneratedChain chain = new GeneratedChain(keys);
		AtomicInteger largestPage = new AtomicInteger();
		AtomicInteger pages = new AtomicInteger();
		ChainWalk.Head head = chain.headAfter(1_000_000);

		ChainVerification result = new ChainWalk(keys, pageSize).walk(head, List.of(chain.anchorAt(999_999)),
				(after, upTo, limit) -> {
					largestPage.accumulateAndGet(limit, Math::max);
					pages.incrementAndGet();
					return chain.page(after, upTo, limit);
				}, checked -> {
				});

		assertThat(result.intact()).isTrue();
		assertThat(result.entriesChecked()).isEqualTo(1_000_000);
		assertThat(largestPage.get()).isEqualTo(pageSize);
		assertThat(pages.get()).isEqualTo(200);
		assertThat(result.lastAnchorSeq()).isEqualTo(999_999);
	}

	@Test
	void a_row_rewritten_and_every_later_hash_recomputed_without_the_key_is_found_at_that_row() {
		List<AuditEntry> chain = chain(20);
		List<AuditEntry> forged = rechain(chain, 7, e -> withAfter(e, "{\"amountFen\":1}"), this::plainSha256);

		ChainVerification result = walk(forged, List.of());

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(7);
		assertThat(result.problem()).isEqualTo("CONTENT_ALTERED");
	}

	@Test
	void a_row_rewritten_with_the_key_is_found_at_the_first_anchor_after_it() {
		List<AuditEntry> chain = chain(30);
		List<Anchor> anchors = List.of(anchor(chain, 5), anchor(chain, 12), anchor(chain, 25));
		List<AuditEntry> forged = rechain(chain, 7, e -> withAfter(e, "{\"amountFen\":1}"), keys::sealed);

		ChainVerification result = walk(forged, anchors);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(12);
		assertThat(result.problem()).isEqualTo("ANCHOR_MISMATCH");
		assertThat(result.anchorsChecked()).isEqualTo(3);
		assertThat(walk(chain, anchors).intact()).isTrue();
	}

	@Test
	void the_last_entries_removed_and_the_head_moved_back_are_found_by_the_anchor() {
		List<AuditEntry> chain = chain(10);
		List<Anchor> anchors = List.of(anchor(chain, 10));
		List<AuditEntry> shortened = chain.subList(0, 8);

		ChainVerification result = new ChainWalk(keys, 3).walk(new ChainWalk.Head(8, shortened.get(7).hash()), anchors,
				pagesOf(shortened), checked -> {
				});

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(9);
		assertThat(result.problem()).isEqualTo("ENTRIES_REMOVED");
	}

	@Test
	void an_anchor_without_a_valid_signature_is_reported_and_not_trusted() {
		List<AuditEntry> chain = chain(10);
		Anchor genuine = anchor(chain, 6);
		Anchor forged = new Anchor(6, "f".repeat(64), genuine.at(), genuine.signature());

		ChainVerification result = walk(chain, List.of(forged));

		assertThat(result.problem()).isEqualTo("ANCHOR_SIGNATURE_INVALID");
		assertThat(result.firstBrokenSeq()).isEqualTo(6);
	}

	@Test
	void a_missing_entry_a_broken_link_and_an_unknown_key_are_each_named() {
		List<AuditEntry> chain = chain(10);
		List<AuditEntry> gap = new ArrayList<>(chain);
		gap.remove(4);
		assertThat(walk(gap, List.of()).problem()).isEqualTo("ENTRY_MISSING");
		assertThat(walk(gap, List.of()).firstBrokenSeq()).isEqualTo(5);

		List<AuditEntry> relinked = new ArrayList<>(chain);
		AuditEntry e = chain.get(3);
		relinked.set(3, new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(),
				e.clientIp(), e.before(), e.after(), "0".repeat(64), e.hash(), e.keyId()));
		assertThat(walk(relinked, List.of()).problem()).isEqualTo("LINK_BROKEN");

		List<AuditEntry> rekeyed = new ArrayList<>(chain);
		rekeyed.set(2, new AuditEntry(chain.get(2).seq(), chain.get(2).occurredAt(), "x", "A", null, null, null, null,
				null, chain.get(2).prevHash(), chain.get(2).hash(), "gone"));
		assertThat(walk(rekeyed, List.of()).problem()).isEqualTo("UNKNOWN_KEY");
	}

	private ChainVerification walk(List<AuditEntry> entries, List<Anchor> anchors) {
		AuditEntry last = entries.get(entries.size() - 1);
		return new ChainWalk(keys, 4).walk(new ChainWalk.Head(last.seq(), last.hash()), anchors, pagesOf(entries),
				checked -> {
				});
	}

	private static ChainWalk.Pages pagesOf(List<AuditEntry> entries) {
		TreeMap<Long, AuditEntry> bySeq = new TreeMap<>();
		entries.forEach(e -> bySeq.put(e.seq(), e));
		return (after, upTo, limit) -> bySeq.subMap(after, false, upTo, true).values().stream().limit(limit).toList();
	}

	private List<AuditEntry> chain(int length) {
		return rechain(List.of(), 1, UnaryOperator.identity(), keys::sealed, length);
	}

	private List<AuditEntry> rechain(List<AuditEntry> chain, long from, UnaryOperator<AuditEntry> change,
			java.util.function.Function<AuditEntry, String> hasher) {
		return rechain(chain, from, change, hasher, chain.size());
	}

	/** The chain with entry {@code from} changed and every later hash recomputed with {@code hasher}. */
	private List<AuditEntry> rechain(List<AuditEntry> chain, long from, UnaryOperator<AuditEntry> change,
			java.util.function.Function<AuditEntry, String> hasher, int length) {
		List<AuditEntry> out = new ArrayList<>();
		String prev = AuditHash.GENESIS;
		for (int i = 0; i < length; i++) {
			long seq = i + 1;
			AuditEntry original = i < chain.size() ? chain.get(i) : entry(seq);
			if (seq < from) {
				out.add(original);
				prev = original.hash();
				continue;
			}
			AuditEntry base = seq == from ? change.apply(original) : original;
			AuditEntry unsealed = new AuditEntry(seq, base.occurredAt(), base.actor(), base.action(), base.targetType(),
					base.targetId(), base.clientIp(), base.before(), base.after(), prev, null, "a1");
			String hash = hasher.apply(unsealed);
			out.add(new AuditEntry(seq, unsealed.occurredAt(), unsealed.actor(), unsealed.action(), unsealed.targetType(),
					unsealed.targetId(), unsealed.clientIp(), unsealed.before(), unsealed.after(), prev, hash, "a1"));
			prev = hash;
		}
		return out;
	}

	private Anchor anchor(List<AuditEntry> chain, long seq) {
		AuditEntry e = chain.get((int) seq - 1);
		Instant at = T0.plusSeconds(seq * 60);
		return new Anchor(seq, e.hash(), at, keys.signAnchor(Anchor.signed(seq, e.hash(), at)));
	}

	private static AuditEntry entry(long seq) {
		return new AuditEntry(seq, T0.plusSeconds(seq), "tester", "TEST_ACTION", "TEST", Long.toString(seq), "127.0.0.1",
				null, "{\"amountFen\":" + seq * 100 + "}", null, null, "a1");
	}

	private static AuditEntry withAfter(AuditEntry e, String after) {
		return new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(), e.clientIp(),
				e.before(), after, e.prevHash(), e.hash(), e.keyId());
	}

	private String plainSha256(AuditEntry e) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(AuditHash.content(e)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A chain produced a page at a time, as long as asked, without keeping it. */
	private static final class GeneratedChain {

		private final TestKeys keys;
		private long lastSeq;
		private String lastHash = AuditHash.GENESIS;
		private final Map<Long, String> remembered = new TreeMap<>();

		GeneratedChain(TestKeys keys) {
			this.keys = keys;
		}

		/** Walks the generator once to learn the head (and the hash at the anchored entry), then starts again. */
		ChainWalk.Head headAfter(long length) {
			page(0, length, (int) length);
			ChainWalk.Head head = new ChainWalk.Head(lastSeq, lastHash);
			lastSeq = 0;
			lastHash = AuditHash.GENESIS;
			return head;
		}

		Anchor anchorAt(long seq) {
			Instant at = T0.plusSeconds(seq);
			String hash = remembered.get(seq);
			return new Anchor(seq, hash, at, keys.signAnchor(Anchor.signed(seq, hash, at)));
		}

		List<AuditEntry> page(long after, long upTo, int limit) {
			if (after != lastSeq) {
				throw new IllegalStateException("pages are asked for in order");
			}
			List<AuditEntry> page = new ArrayList<>(Math.min(limit, 5000));
			for (long seq = after + 1; seq <= upTo && page.size() < limit; seq++) {
				AuditEntry unsealed = new AuditEntry(seq, T0.plusSeconds(seq), "tester", "TEST_ACTION", "TEST", null, null,
						null, null, lastHash, null, "a1");
				String hash = keys.sealed(unsealed);
				if (seq == 999_999) {
					remembered.put(seq, hash);
				}
				AuditEntry sealed = new AuditEntry(seq, unsealed.occurredAt(), "tester", "TEST_ACTION", "TEST", null, null,
						null, null, lastHash, hash, "a1");
				lastSeq = seq;
				lastHash = hash;
				if (limit <= 5000) {
					page.add(sealed);
				}
			}
			return page;
		}
	}

	/** The JDK's HMAC-SHA-256 and Ed25519, as the secrets module uses them, with keys made for the test. */
	private static final class TestKeys implements AuditChainKeys {

		private final SecretKeySpec sealKey = new SecretKeySpec("chain-walk-unit-test-key-32bytes".getBytes(), "HmacSHA256");
		private final KeyPair anchorKey;
		private final Mac mac;

		TestKeys() {
			try {
				anchorKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
				mac = Mac.getInstance("HmacSHA256");
				mac.init(sealKey);
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		}

		String sealed(AuditEntry e) {
			return seal(e.keyId(), AuditHash.content(e));
		}

		@Override
		public String activeSealKeyId() {
			return "a1";
		}

		@Override
		public boolean knowsSealKey(String keyId) {
			return "a1".equals(keyId);
		}

		@Override
		public String seal(String keyId, byte[] content) {
			return HexFormat.of().formatHex(mac.doFinal(content));
		}

		@Override
		public String signAnchor(byte[] content) {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(anchorKey.getPrivate());
				signature.update(content);
				return Base64.getEncoder().encodeToString(signature.sign());
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		}

		@Override
		public boolean anchorSignatureHolds(byte[] content, String signature) {
			try {
				Signature verifier = Signature.getInstance("Ed25519");
				verifier.initVerify(anchorKey.getPublic());
				verifier.update(content);
				return verifier.verify(Base64.getDecoder().decode(signature));
			}
			catch (GeneralSecurityException | IllegalArgumentException e) {
				return false;
			}
		}

		@Override
		public String anchorPublicKey() {
			return Base64.getEncoder().encodeToString(anchorKey.getPublic().getEncoded());
		}
	}
}
