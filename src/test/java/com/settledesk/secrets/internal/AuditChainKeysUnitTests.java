package com.settledesk.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditChainKeysUnitTests {

	private static final String SEAL_KEY = Base64.getEncoder().encodeToString(new byte[32]);

	/** RFC 8032, section 7.1, TEST 1: the secret key, its public key, and the signature of the empty message. */
	private static final String RFC8032_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
	private static final String RFC8032_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
	private static final String RFC8032_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
			+ "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

	@Test
	void the_anchor_key_signs_and_its_public_half_is_the_one_rfc_8032_gives_for_that_key() {
		// PKCS#8 of an Ed25519 key: a fixed prefix (RFC 8410) and the 32-byte secret.
		String pkcs8 = Base64.getEncoder().encodeToString(
				HexFormat.of().parseHex("302e020100300506032b657004220420" + RFC8032_SECRET));
		JdkAuditChainKeys keys = JdkAuditChainKeys.from(properties(SEAL_KEY, null, pkcs8, null));

		byte[] x509 = Base64.getDecoder().decode(keys.anchorPublicKey());
		assertThat(HexFormat.of().formatHex(x509)).isEqualTo("302a300506032b6570032100" + RFC8032_PUBLIC);
		String signature = keys.signAnchor(new byte[0]);
		assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(signature))).isEqualTo(RFC8032_SIGNATURE);
		assertThat(keys.anchorSignatureHolds(new byte[0], signature)).isTrue();
		assertThat(keys.anchorSignatureHolds(new byte[] { 1 }, signature)).isFalse();
		assertThat(keys.anchorSignatureHolds(new byte[0], "not base64!")).isFalse();
	}

	@Test
	void a_seal_depends_on_the_key_and_old_keys_still_check_after_a_rotation(@TempDir Path data) {
		byte[] content = "entry".getBytes(StandardCharsets.UTF_8);
		JdkAuditChainKeys before = JdkAuditChainKeys.from(properties(SEAL_KEY, null, null, data.resolve("anchor")));
		String old = before.seal("a1", content);

		String newKey = Base64.getEncoder().encodeToString("another-32-byte-audit-key-000001".getBytes());
		JdkAuditChainKeys after = JdkAuditChainKeys.from(new SecretsProperties("k1", SEAL_KEY, null, SEAL_KEY, "a2",
				newKey, null, "a1:" + SEAL_KEY, null, data.resolve("anchor")));
		assertThat(after.activeSealKeyId()).isEqualTo("a2");
		assertThat(after.seal("a1", content)).isEqualTo(old);
		assertThat(after.seal("a2", content)).isNotEqualTo(old).hasSize(64);
		assertThat(after.knowsSealKey("a0")).isFalse();
		assertThatThrownBy(() -> after.seal("a0", content)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void the_demo_generates_both_keys_once_and_keeps_them_for_the_next_start(@TempDir Path data) throws Exception {
		SecretsProperties demo = properties(null, data.resolve("audit-key"), null, data.resolve("audit-anchor-key"));
		JdkAuditChainKeys first = JdkAuditChainKeys.from(demo);
		JdkAuditChainKeys second = JdkAuditChainKeys.from(demo);

		byte[] content = "entry".getBytes(StandardCharsets.UTF_8);
		assertThat(second.seal("a1", content)).isEqualTo(first.seal("a1", content));
		assertThat(second.anchorPublicKey()).isEqualTo(first.anchorPublicKey());
		assertThat(second.anchorSignatureHolds(content, first.signAnchor(content))).isTrue();
		assertThat(Files.readString(data.resolve("audit-key")).trim()).hasSize(44);
	}

	@Test
	void without_a_key_or_a_file_to_keep_one_the_start_is_refused() {
		assertThatThrownBy(() -> JdkAuditChainKeys.from(properties(null, null, null, null)))
			.hasMessageContaining("SETTLEDESK_AUDIT_KEY");
	}

	private static SecretsProperties properties(String auditKey, Path auditKeyFile, String anchorKey, Path anchorKeyFile) {
		return new SecretsProperties("k1", SEAL_KEY, null, SEAL_KEY, "a1", auditKey, auditKeyFile, null, anchorKey,
				anchorKeyFile);
	}
}
