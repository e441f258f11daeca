package com.settledesk.secrets.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.settledesk.secrets.AuditChainKeys;
import com.settledesk.shared.GeneratedSecretFile;

/**
 * The audit chain's keys with the JDK's own HMAC-SHA-256 and Ed25519. From configuration (production:
 * SETTLEDESK_AUDIT_KEY and SETTLEDESK_AUDIT_ANCHOR_KEY), else — in the demo — generated at first start into
 * files under ./data.
 */
final class JdkAuditChainKeys implements AuditChainKeys {

	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("The JDK's HMAC-SHA-256 is not available", e);
		}
	});

	private final String activeKeyId;
	private final Map<String, SecretKey> sealKeys;
	private final PrivateKey anchorKey;
	private final PublicKey anchorPublicKey;

	JdkAuditChainKeys(String activeKeyId, Map<String, byte[]> sealKeys, PrivateKey anchorKey) {
		if (!sealKeys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("The active audit key " + activeKeyId + " is not configured");
		}
		Map<String, SecretKey> keys = new LinkedHashMap<>();
		sealKeys.forEach((id, bytes) -> {
			if (bytes.length != 32) {
				throw new IllegalArgumentException("Audit key " + id + " must be 32 bytes (256 bits), is " + bytes.length);
			}
			keys.put(id, new SecretKeySpec(bytes, "HmacSHA256"));
		});
		this.activeKeyId = activeKeyId;
		this.sealKeys = Map.copyOf(keys);
		this.anchorKey = anchorKey;
		this.anchorPublicKey = publicKeyOf(anchorKey);
	}

	static JdkAuditChainKeys from(SecretsProperties properties) {
		String sealKey = configuredOrGenerated(properties.auditKey(), properties.auditKeyFile(),
				"settledesk.secrets.audit-key is required: set SETTLEDESK_AUDIT_KEY to base64 of 32 random bytes",
				JdkAuditChainKeys::newSealKey);
		String anchorKey = configuredOrGenerated(properties.auditAnchorKey(), properties.auditAnchorKeyFile(),
				"settledesk.secrets.audit-anchor-key is required: set SETTLEDESK_AUDIT_ANCHOR_KEY to a base64 PKCS#8 Ed25519 key",
				JdkAuditChainKeys::newAnchorKey);
		Map<String, byte[]> keys = new LinkedHashMap<>(KeyLists.parse(properties.retiredAuditKeys(),
				"settledesk.secrets.retired-audit-keys"));
		keys.put(properties.auditKeyId(), KeyLists.decode(sealKey));
		return new JdkAuditChainKeys(properties.auditKeyId(), keys, anchorKey(anchorKey));
	}

	@Override
	public String activeSealKeyId() {
		return activeKeyId;
	}

	@Override
	public boolean knowsSealKey(String keyId) {
		return keyId != null && sealKeys.containsKey(keyId);
	}

	@Override
	public String seal(String keyId, byte[] content) {
		SecretKey key = keyId == null ? null : sealKeys.get(keyId);
		if (key == null) {
			throw new IllegalArgumentException("No audit key with id " + keyId);
		}
		try {
			Mac mac = MACS.get();
			mac.init(key);
			return HexFormat.of().formatHex(mac.doFinal(content));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC is not available", e);
		}
	}

	@Override
	public String signAnchor(byte[] content) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(anchorKey);
			signature.update(content);
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is not available", e);
		}
	}

	@Override
	public boolean anchorSignatureHolds(byte[] content, String signatureText) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(anchorPublicKey);
			signature.update(content);
			return signature.verify(Base64.getDecoder().decode(signatureText));
		}
		catch (GeneralSecurityException | IllegalArgumentException | NullPointerException malformed) {
			return false;
		}
	}

	@Override
	public String anchorPublicKey() {
		return Base64.getEncoder().encodeToString(anchorPublicKey.getEncoded());
	}

	private static String configuredOrGenerated(String configured, java.nio.file.Path file, String missing,
			java.util.function.Supplier<String> generate) {
		if (configured != null && !configured.isBlank()) {
			return configured.trim();
		}
		if (file == null) {
			throw new IllegalStateException(missing);
		}
		return GeneratedSecretFile.readOrCreate(file, generate);
	}

	private static String newSealKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	private static String newAnchorKey() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is not available", e);
		}
	}

	private static PrivateKey anchorKey(String base64) {
		try {
			return KeyFactory.getInstance("Ed25519")
				.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new IllegalArgumentException("The audit anchor key must be a base64 PKCS#8 Ed25519 private key", e);
		}
	}

	/** Ed25519's public key from the private one: the JDK derives it in its key pair generator from the seed. */
	private static PublicKey publicKeyOf(PrivateKey key) {
		try {
			byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
			KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
			generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
			return generator.generateKeyPair().getPublic();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is not available", e);
		}
	}

	/** Hands the key pair generator the private key's own 32 bytes, so it rebuilds that key's public half. */
	private static final class FixedSeed extends SecureRandom {

		private final byte[] seed;

		FixedSeed(byte[] seed) {
			this.seed = seed.clone();
		}

		@Override
		public void nextBytes(byte[] bytes) {
			System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
		}
	}
}
