package com.settledesk.terminal.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Double-length 3DES keys (16 bytes, K1 K2) of terminals: made from a secure random source with odd parity,
 * carried under another key with 3DES-ECB, checked with the usual check value (the key encrypting 8 zero bytes,
 * first 4 bytes). The JDK's DESede wants 24 bytes: K1 K2 K1.
 */
@Component
class TerminalKeys {

	private static final HexFormat HEX = HexFormat.of().withUpperCase();

	private final SecureRandom random = new SecureRandom();

	/** A new double-length key with odd parity, as hex (32 digits). */
	String newKeyHex() {
		byte[] key = new byte[16];
		random.nextBytes(key);
		for (int i = 0; i < key.length; i++) {
			key[i] = withOddParity(key[i]);
		}
		return HEX.formatHex(key);
	}

	/** The key (hex) encrypted under the key-encrypting key (hex), as hex. */
	String encryptUnder(String keyEncryptingKeyHex, String keyHex) {
		return HEX.formatHex(tdes(Cipher.ENCRYPT_MODE, HEX.parseHex(keyEncryptingKeyHex), HEX.parseHex(keyHex)));
	}

	/** The key (hex) that was encrypted under the key-encrypting key. */
	String decryptUnder(String keyEncryptingKeyHex, String encryptedHex) {
		return HEX.formatHex(tdes(Cipher.DECRYPT_MODE, HEX.parseHex(keyEncryptingKeyHex), HEX.parseHex(encryptedHex)));
	}

	/** The check value: the first 4 bytes of 3DES-ECB(key, 8 zero bytes), as hex. */
	String checkValue(String keyHex) {
		return HEX.formatHex(Arrays.copyOf(tdes(Cipher.ENCRYPT_MODE, HEX.parseHex(keyHex), new byte[8]), 4));
	}

	static byte[] tdes(int mode, byte[] doubleLengthKey, byte[] data) {
		if (doubleLengthKey.length != 16) {
			throw new IllegalArgumentException("A double-length key has 16 bytes");
		}
		byte[] key = new byte[24];
		System.arraycopy(doubleLengthKey, 0, key, 0, 16);
		System.arraycopy(doubleLengthKey, 0, key, 16, 8);
		try {
			Cipher cipher = Cipher.getInstance("DESede/ECB/NoPadding");
			cipher.init(mode, new SecretKeySpec(key, "DESede"));
			return cipher.doFinal(data);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("3DES is unavailable", e);
		}
	}

	private static byte withOddParity(byte b) {
		int value = b & 0xFE;
		return (byte) (Integer.bitCount(value) % 2 == 0 ? value | 1 : value);
	}
}
