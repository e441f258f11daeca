package com.settledesk.secrets.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.settledesk.secrets.DecryptionFailedException;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;

/**
 * AES-256-GCM with a fresh 96-bit IV per value and a 128-bit tag; the key id is bound into the tag as
 * associated data, so a ciphertext cannot be passed off under another key id.
 */
final class AesGcmProtector implements SensitiveDataProtector {

	private static final int IV_BYTES = 12;
	private static final int TAG_BITS = 128;
	// Looking a cipher up costs more than using it; each thread keeps one and initialises it afresh for every use.
	private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> instance(() -> Cipher.getInstance(
			"AES/GCM/NoPadding")));
	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> instance(() -> Mac.getInstance(
			"HmacSHA256")));

	private final String activeKeyId;
	private final Map<String, SecretKey> keys;
	private final SecretKey fingerprintKey;
	private final SecureRandom random = new SecureRandom();

	AesGcmProtector(String activeKeyId, Map<String, byte[]> keys, byte[] fingerprintKey) {
		if (!keys.containsKey(activeKeyId)) {
			throw new IllegalArgumentException("The active key " + activeKeyId + " is not configured");
		}
		Map<String, SecretKey> aesKeys = new LinkedHashMap<>();
		keys.forEach((id, bytes) -> aesKeys.put(id, new SecretKeySpec(requireLength(id, bytes), "AES")));
		this.activeKeyId = activeKeyId;
		this.keys = Map.copyOf(aesKeys);
		this.fingerprintKey = new SecretKeySpec(requireLength("fingerprint", fingerprintKey), "HmacSHA256");
	}

	static AesGcmProtector from(SecretsProperties properties) {
		Map<String, byte[]> keys = new LinkedHashMap<>(KeyLists.parse(properties.retiredKeys(),
				"settledesk.secrets.retired-keys"));
		keys.put(properties.activeKeyId(), KeyLists.decode(properties.activeKey()));
		return new AesGcmProtector(properties.activeKeyId(), keys, KeyLists.decode(properties.fingerprintKey()));
	}

	@Override
	public EncryptedValue encrypt(String plain) {
		byte[] iv = new byte[IV_BYTES];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), iv, activeKeyId);
			byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
			byte[] payload = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
			return new EncryptedValue(activeKeyId, Base64.getEncoder().encodeToString(payload));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Encryption is not available", e);
		}
	}

	@Override
	public String decrypt(EncryptedValue value) {
		SecretKey key = keys.get(value.keyId());
		if (key == null) {
			throw new DecryptionFailedException("No key with id " + value.keyId(), null);
		}
		try {
			byte[] payload = Base64.getDecoder().decode(value.payload());
			if (payload.length < IV_BYTES + TAG_BITS / 8) {
				throw new DecryptionFailedException("The ciphertext is truncated", null);
			}
			Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(payload, IV_BYTES), value.keyId());
			byte[] plain = cipher.doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException e) {
			throw new DecryptionFailedException("The ciphertext does not authenticate", e);
		}
	}

	@Override
	public String fingerprint(String plain) {
		try {
			Mac mac = MACS.get();
			mac.init(fingerprintKey);
			return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC is not available", e);
		}
	}

	@Override
	public boolean needsRotation(EncryptedValue value) {
		return !activeKeyId.equals(value.keyId());
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] iv, String keyId) throws GeneralSecurityException {
		Cipher cipher = CIPHERS.get();
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
		return cipher;
	}

	private static <T> T instance(Callable<T> lookup) {
		try {
			return lookup.call();
		}
		catch (Exception e) {
			throw new IllegalStateException("The JDK's AES-GCM or HMAC is not available", e);
		}
	}

	private static byte[] requireLength(String id, byte[] key) {
		if (key.length != 32) {
			throw new IllegalArgumentException("Key " + id + " must be 32 bytes (256 bits), is " + key.length);
		}
		return key;
	}
}
