package com.settledesk.terminal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class TerminalKeysUnitTests {

	private final TerminalKeys keys = new TerminalKeys();

	@Test
	void the_check_value_of_the_classic_test_key_is_the_published_one() {
		// 3DES-ECB of eight zero bytes under 0123456789ABCDEF FEDCBA9876543210 is 08D7B4FB629D0885, the key check
		// value quoted in payment HSM manuals and test-key tables (e.g. Thales payShield, EFTlab's key calculator).
		assertThat(keys.checkValue("0123456789ABCDEFFEDCBA9876543210")).isEqualTo("08D7B4FB");
	}

	@Test
	void a_key_carried_under_another_comes_back_unchanged_and_new_keys_have_odd_parity() {
		String kek = keys.newKeyHex();
		String key = keys.newKeyHex();
		assertThat(key).hasSize(32).isNotEqualTo(kek);
		assertThat(keys.decryptUnder(kek, keys.encryptUnder(kek, key))).isEqualTo(key);
		for (byte b : HexFormat.of().parseHex(key)) {
			assertThat(Integer.bitCount(b & 0xFF) % 2).as("odd parity").isEqualTo(1);
		}
	}

	@Test
	void the_retail_mac_of_the_standard_example_is_the_published_value() {
		// ANSI X9.19 / ISO 9797-1 algorithm 3 example: key 0123456789ABCDEF FEDCBA9876543210, data "Now is the time
		// for all " → A1C72E74EA3FA9B6. Computed independently with Python's cryptography (TripleDES with K1K1K1 as
		// single DES: CBC under K1, decrypt under K2, encrypt under K1), which gives the same value.
		byte[] mac = RetailMac.compute(HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210"),
				"Now is the time for all ".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		assertThat(HexFormat.of().withUpperCase().formatHex(mac)).isEqualTo("A1C72E74EA3FA9B6");
		// A short message is padded with zero bytes (padding method 1): "0200" gives B47A09197FD10E24 both ways.
		assertThat(HexFormat.of().withUpperCase().formatHex(RetailMac.compute(
				HexFormat.of().parseHex("0123456789ABCDEFFEDCBA9876543210"), HexFormat.of().parseHex("0200"))))
			.isEqualTo("B47A09197FD10E24");
	}
}
