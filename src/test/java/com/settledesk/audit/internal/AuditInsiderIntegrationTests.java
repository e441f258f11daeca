package com.settledesk.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEntry;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.audit.ChainVerification;
import com.settledesk.secrets.AuditChainKeys;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Someone with write access to the database rewrites the chain. Each forgery is made inside a transaction
 * holding the chain's head, checked there, and rolled back, so nothing else sees it.
 */
@IntegrationTest
class AuditInsiderIntegrationTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcAuditLog chain;

	@Autowired
	AuditAnchoring anchoring;

	@Autowired
	AuditProperties properties;

	@Autowired
	ChainUpgrade upgrade;

	@Autowired
	AuditChainKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ApiClient api;

	@Test
	void a_row_rewritten_and_every_later_hash_recomputed_without_the_key_is_found_at_that_row() {
		long target = recordThree();
		ChainVerification forged = insideRolledBackTransaction(() -> {
			rewriteFrom(target, AuditInsiderIntegrationTests::plainSha256, null);
			return auditLog.verifyChain();
		});
		assertThat(forged.intact()).isFalse();
		assertThat(forged.firstBrokenSeq()).isEqualTo(target);
		assertThat(forged.problem()).isEqualTo("CONTENT_ALTERED");
		assertThat(auditLog.verifyChain().intact()).isTrue();
	}

	@Test
	void a_row_rewritten_with_the_key_is_found_at_the_anchored_entry_and_the_api_shows_the_anchor() {
		long target = recordThree();
		Anchor anchor = anchoring.anchorNow().orElseThrow();
		assertThat(anchor.seq()).isGreaterThan(target);

		ChainVerification forged = insideRolledBackTransaction(() -> {
			rewriteFrom(target, e -> keys.seal(keys.activeSealKeyId(), AuditHash.content(e)), keys.activeSealKeyId());
			ChainVerification withoutAnchors = new ChainWalk(keys, 100).walk(chain.head(), List.of(), chain::page,
					checked -> {
					});
			assertThat(withoutAnchors.intact()).as("with the key the chain itself is consistent").isTrue();
			return auditLog.verifyChain();
		});
		assertThat(forged.intact()).isFalse();
		assertThat(forged.problem()).isEqualTo("ANCHOR_MISMATCH");
		assertThat(forged.firstBrokenSeq()).isEqualTo(anchor.seq());

		var answer = api.get("/api/v1/ops/audit/verification", api.token("admin")).json();
		assertThat(answer.get("intact").asBoolean()).isTrue();
		assertThat(answer.get("lastAnchorSeq").asLong()).isEqualTo(anchor.seq());
		assertThat(answer.get("lastAnchorAt").asString()).endsWith("+08:00");
		assertThat(answer.get("lastAnchorAgeSeconds").asLong()).isBetween(0L, 60L);
		assertThat(answer.get("anchorsChecked").asInt()).isPositive();
	}

	@Test
	void an_anchor_file_checks_outside_the_application_with_the_published_public_key() throws Exception {
		recordThree();
		Anchor anchor = anchoring.anchorNow().orElseThrow();
		java.nio.file.Path file;
		try (var files = java.nio.file.Files.list(properties.anchorDirectory())) {
			file = files.filter(f -> f.getFileName().toString().startsWith("anchor-%019d-".formatted(anchor.seq())))
				.findFirst().orElseThrow();
		}
		java.util.Map<String, String> fields = new java.util.HashMap<>();
		for (String line : java.nio.file.Files.readAllLines(file)) {
			fields.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
		}
		String publicKey = api.get("/api/v1/ops/audit/verification", api.token("admin")).json().get("anchorPublicKey")
			.asString();
		var verifier = java.security.Signature.getInstance("Ed25519");
		verifier.initVerify(java.security.KeyFactory.getInstance("Ed25519")
			.generatePublic(new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey))));
		verifier.update(("settledesk-audit-anchor/v1\n" + fields.get("seq") + "\n" + fields.get("hash") + "\n"
				+ fields.get("at")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(verifier.verify(java.util.Base64.getDecoder().decode(fields.get("signature")))).isTrue();
		assertThat(fields.get("hash")).isEqualTo(chain.page(anchor.seq() - 1, anchor.seq(), 1).get(0).hash());
		assertThat(java.nio.file.Files.getPosixFilePermissions(file)).as("written read-only")
			.doesNotContain(java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
	}

	@Test
	void a_broken_chain_turns_the_alert_metric_to_zero_until_a_verification_finds_it_intact() {
		long target = recordThree();
		insideRolledBackTransaction(() -> {
			jdbc.sql("UPDATE audit_entry SET actor = 'someone-else' WHERE seq = :seq").param("seq", target).update();
			return auditLog.verifyChain();
		});
		assertThat(meters.get("settledesk.audit.chain.intact").gauge().value()).isZero();
		auditLog.verifyChain();
		assertThat(meters.get("settledesk.audit.chain.intact").gauge().value()).isEqualTo(1.0);
	}

	@Test
	void entries_from_before_the_keyed_chain_are_sealed_again_when_their_old_chain_holds_and_not_otherwise() {
		recordThree();
		ChainVerification afterUpgrade = insideRolledBackTransaction(() -> {
			long first = appendUnsealed(2);
			ChainVerification before = auditLog.verifyChain();
			assertThat(before.problem()).isEqualTo("NOT_SEALED");
			assertThat(before.firstBrokenSeq()).isEqualTo(first);
			assertThat(upgrade.resealAll()).isEqualTo(2);
			return auditLog.verifyChain();
		});
		assertThat(afterUpgrade.intact()).isTrue();

		insideRolledBackTransaction(() -> {
			long first = appendUnsealed(2);
			jdbc.sql("UPDATE audit_entry SET action = 'FORGED' WHERE seq = :seq").param("seq", first).update();
			assertThatThrownBy(upgrade::resealAll).isInstanceOf(RuntimeException.class);
			return null;
		});
		assertThat(auditLog.verifyChain().intact()).isTrue();
	}

	private long recordThree() {
		auditLog.record(AuditEvent.of("TEST_INSIDER_TARGET", "TEST", "1").by("tester").after(Map.of("amountFen", 100)));
		long target = auditLog.latest(1).get(0).seq();
		auditLog.record(AuditEvent.of("TEST_INSIDER_AFTER", "TEST", "2").by("tester"));
		auditLog.record(AuditEvent.of("TEST_INSIDER_AFTER", "TEST", "3").by("tester"));
		return target;
	}

	/** Changes the target's amount and seals it and every later entry again with {@code hasher}, head included. */
	private void rewriteFrom(long target, Function<AuditEntry, String> hasher, String keyId) {
		ChainWalk.Head head = chain.lockHead();
		String prev = chain.page(target - 2, target - 1, 1).stream().findFirst().map(AuditEntry::hash)
			.orElse(AuditHash.GENESIS);
		for (AuditEntry e : chain.page(target - 1, head.seq(), 100_000)) {
			String after = e.seq() == target ? "{\"amountFen\":1}" : e.after();
			AuditEntry forged = new AuditEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.targetType(),
					e.targetId(), e.clientIp(), e.before(), after, prev, null, keyId == null ? e.keyId() : keyId);
			String hash = hasher.apply(forged);
			jdbc.sql("UPDATE audit_entry SET after_state = :after, prev_hash = :prev, entry_hash = :hash WHERE seq = :seq")
				.param("after", after).param("prev", prev).param("hash", hash).param("seq", e.seq()).update();
			prev = hash;
		}
		chain.moveHead(head.seq(), prev);
	}

	/** Appends entries the way the chain was written before it had a key: plain SHA-256, no key id. */
	private long appendUnsealed(int count) {
		ChainWalk.Head head = chain.lockHead();
		String prev = head.hash();
		for (long seq = head.seq() + 1; seq <= head.seq() + count; seq++) {
			AuditEntry e = new AuditEntry(seq, java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(seq), "old",
					"OLD_ACTION", "TEST", null, null, null, null, prev, null, null);
			String hash = plainSha256(e);
			jdbc.sql("""
					INSERT INTO audit_entry (seq, occurred_at, actor, action, target_type, prev_hash, entry_hash)
					VALUES (:seq, :at, 'old', 'OLD_ACTION', 'TEST', :prev, :hash)""")
				.param("seq", seq).param("at", e.occurredAt().atOffset(ZoneOffset.UTC)).param("prev", prev)
				.param("hash", hash).update();
			prev = hash;
		}
		chain.moveHead(head.seq() + count, prev);
		return head.seq() + 1;
	}

	private <T> T insideRolledBackTransaction(java.util.function.Supplier<T> work) {
		return tx.execute(status -> {
			status.setRollbackOnly();
			return work.get();
		});
	}

	private static String plainSha256(AuditEntry e) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(AuditHash.content(e)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
