package com.settledesk.terminal.internal;

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * ANSI X9.19 retail MAC (ISO/IEC 9797-1 MAC algorithm 3, DES, padding method 1) with a double-length key K1 K2:
 * the data padded with zero bytes to a multiple of 8, CBC-DES under K1 with a zero IV, then the last block
 * DES-decrypted under K2 and DES-encrypted under K1.
 */
final class RetailMac {

	// Looking a cipher up costs more than a MAC; each thread keeps one and initialises it for every use.
	private static final ThreadLocal<Cipher> DES = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("DES/ECB/NoPadding");
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("DES is unavailable", e);
		}
	});

	private RetailMac() {
	}

	static byte[] compute(byte[] doubleLengthKey, byte[] data) {
		if (doubleLengthKey.length != 16) {
			throw new IllegalArgumentException("A double-length key has 16 bytes");
		}
		try {
			SecretKeySpec left = new SecretKeySpec(Arrays.copyOfRange(doubleLengthKey, 0, 8), "DES");
			SecretKeySpec right = new SecretKeySpec(Arrays.copyOfRange(doubleLengthKey, 8, 16), "DES");
			Cipher des = DES.get();
			des.init(Cipher.ENCRYPT_MODE, left);
			byte[] block = new byte[8];
			int padded = data.length == 0 ? 8 : (data.length + 7) / 8 * 8;
			for (int offset = 0; offset < padded; offset += 8) {
				for (int i = 0; i < 8; i++) {
					int at = offset + i;
					block[i] ^= at < data.length ? data[at] : 0;
				}
				block = des.doFinal(block);
			}
			des.init(Cipher.DECRYPT_MODE, right);
			block = des.doFinal(block);
			des.init(Cipher.ENCRYPT_MODE, left);
			return des.doFinal(block);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("DES is unavailable", e);
		}
	}
}
