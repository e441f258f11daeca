package com.settledesk.secrets;

/**
 * Encrypts and fingerprints card, account and ID numbers. Plain values go in and come out only here;
 * everything else handles {@link EncryptedValue}s, fingerprints and masked forms.
 */
public interface SensitiveDataProtector {

	EncryptedValue encrypt(String plain);

	/** Decrypts with the key named in the value; fails if the ciphertext was altered or the key is unknown. */
	String decrypt(EncryptedValue value);

	/** A keyed HMAC-SHA-256 of the value (hex): equal numbers have equal fingerprints, stable across key rotation. */
	String fingerprint(String plain);

	/** Whether a value was made with a key other than the active one and should be re-encrypted. */
	boolean needsRotation(EncryptedValue value);
}
