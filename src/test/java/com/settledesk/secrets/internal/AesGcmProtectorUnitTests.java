package com.settledesk.secrets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.settledesk.secrets.DecryptionFailedException;
import com.settledesk.secrets.EncryptedValue;

class AesGcmProtectorUnitTests {

	private static final byte[] KEY_1 = bytes(1);
	private static final byte[] KEY_2 = bytes(2);
	private static final byte[] FINGERPRINT_KEY = bytes(9);
	private static final String CARD = "6222024000123456788";

	private final AesGcmProtector protector = new AesGcmProtector("k1", Map.of("k1", KEY_1), FINGERPRINT_KEY);

	@Test
	void a_value_decrypts_to_what_was_encrypted_and_the_ciphertext_does_not_contain_it() {
		EncryptedValue encrypted = protector.encrypt(CARD);
		assertThat(encrypted.keyId()).isEqualTo("k1");
		assertThat(encrypted.toStorage()).doesNotContain(CARD);
		assertThat(protector.decrypt(EncryptedValue.fromStorage(encrypted.toStorage()))).isEqualTo(CARD);
	}

	@Test
	void the_same_value_encrypts_differently_each_time_because_the_iv_is_random() {
		assertThat(protector.encrypt(CARD).payload()).isNotEqualTo(protector.encrypt(CARD).payload());
	}

	@Test
	void a_flipped_bit_in_the_ciphertext_is_detected() {
		EncryptedValue encrypted = protector.encrypt(CARD);
		byte[] payload = Base64.getDecoder().decode(encrypted.payload());
		payload[payload.length / 2] ^= 0x01;
		EncryptedValue tampered = new EncryptedValue("k1", Base64.getEncoder().encodeToString(payload));
		assertThatThrownBy(() -> protector.decrypt(tampered)).isInstanceOf(DecryptionFailedException.class);
	}

	@Test
	void a_truncated_ciphertext_or_an_unknown_key_id_is_refused() {
		EncryptedValue encrypted = protector.encrypt(CARD);
		assertThatThrownBy(() -> protector.decrypt(new EncryptedValue("k1", encrypted.payload().substring(0, 12))))
			.isInstanceOf(DecryptionFailedException.class);
		assertThatThrownBy(() -> protector.decrypt(new EncryptedValue("k9", encrypted.payload())))
			.isInstanceOf(DecryptionFailedException.class);
	}

	@Test
	void a_ciphertext_relabelled_with_another_key_id_does_not_decrypt() {
		AesGcmProtector twoKeys = new AesGcmProtector("k2", Map.of("k1", KEY_1, "k2", KEY_1), FINGERPRINT_KEY);
		EncryptedValue underK2 = twoKeys.encrypt(CARD);
		assertThatThrownBy(() -> twoKeys.decrypt(new EncryptedValue("k1", underK2.payload())))
			.isInstanceOf(DecryptionFailedException.class);
	}

	@Test
	void after_rotation_new_values_use_the_new_key_and_old_values_still_decrypt() {
		EncryptedValue old = protector.encrypt(CARD);
		AesGcmProtector rotated = new AesGcmProtector("k2", Map.of("k1", KEY_1, "k2", KEY_2), FINGERPRINT_KEY);

		assertThat(rotated.decrypt(old)).isEqualTo(CARD);
		assertThat(rotated.needsRotation(old)).isTrue();
		EncryptedValue fresh = rotated.encrypt(CARD);
		assertThat(fresh.keyId()).isEqualTo("k2");
		assertThat(rotated.needsRotation(fresh)).isFalse();
		assertThatThrownBy(() -> protector.decrypt(fresh)).isInstanceOf(DecryptionFailedException.class);
	}

	@Test
	void the_fingerprint_is_stable_across_key_rotation_and_differs_between_numbers() {
		AesGcmProtector rotated = new AesGcmProtector("k2", Map.of("k1", KEY_1, "k2", KEY_2), FINGERPRINT_KEY);
		assertThat(rotated.fingerprint(CARD)).isEqualTo(protector.fingerprint(CARD)).hasSize(64).doesNotContain(CARD);
		assertThat(protector.fingerprint("6222024000123456796")).isNotEqualTo(protector.fingerprint(CARD));
	}

	@Test
	void the_fingerprint_depends_on_the_key_so_it_cannot_be_computed_without_it() {
		AesGcmProtector otherFingerprintKey = new AesGcmProtector("k1", Map.of("k1", KEY_1), bytes(7));
		assertThat(otherFingerprintKey.fingerprint(CARD)).isNotEqualTo(protector.fingerprint(CARD));
	}

	@Test
	void keys_that_are_not_256_bits_are_refused() {
		assertThatThrownBy(() -> new AesGcmProtector("k1", Map.of("k1", new byte[16]), FINGERPRINT_KEY))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void retired_keys_are_read_from_configuration_beside_the_active_one() {
		String k1 = Base64.getEncoder().encodeToString(KEY_1);
		String k2 = Base64.getEncoder().encodeToString(KEY_2);
		EncryptedValue old = protector.encrypt(CARD);
		AesGcmProtector configured = AesGcmProtector.from(new SecretsProperties("k2", k2, "k1:" + k1,
				Base64.getEncoder().encodeToString(FINGERPRINT_KEY), "a1", null, null, null, null, null));
		assertThat(configured.decrypt(old)).isEqualTo(CARD);
		assertThat(configured.encrypt(CARD).keyId()).isEqualTo("k2");
	}

	private static byte[] bytes(int seed) {
		byte[] key = new byte[32];
		for (int i = 0; i < key.length; i++) {
			key[i] = (byte) (seed * 31 + i);
		}
		return key;
	}
}
