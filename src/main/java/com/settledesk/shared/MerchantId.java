package com.settledesk.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identity of a merchant (商户) across modules; the 15-digit merchant number is a business key beside it. */
public record MerchantId(UUID value) implements Serializable {

	public MerchantId {
		Objects.requireNonNull(value, "value");
	}

	public static MerchantId random() {
		return new MerchantId(UUID.randomUUID());
	}

	public static MerchantId of(String value) {
		return new MerchantId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
