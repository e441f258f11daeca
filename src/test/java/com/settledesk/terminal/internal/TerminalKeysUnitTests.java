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
}
