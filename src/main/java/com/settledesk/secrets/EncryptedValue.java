package com.settledesk.secrets;

import java.util.Objects;

/**
 * A ciphertext and the id of the key that made it. Stored as "keyId:base64(iv || ciphertext || tag)".
 */
public record EncryptedValue(String keyId, String payload) {

	public EncryptedValue {
		Objects.requireNonNull(keyId, "keyId");
		Objects.requireNonNull(payload, "payload");
		if (keyId.isEmpty() || keyId.contains(":")) {
			throw new IllegalArgumentException("A key id is non-empty and has no colon");
		}
	}

	public static EncryptedValue fromStorage(String stored) {
		int colon = stored.indexOf(':');
		if (colon <= 0) {
			throw new IllegalArgumentException("Not a stored encrypted value");
		}
		return new EncryptedValue(stored.substring(0, colon), stored.substring(colon + 1));
	}

	public String toStorage() {
		return keyId + ":" + payload;
	}

	@Override
	public String toString() {
		return "EncryptedValue[keyId=" + keyId + "]";
	}
}
