package com.settledesk.cardchange;

import java.util.Objects;
import java.util.UUID;

public record ChangeRequestId(UUID value) {

	public ChangeRequestId {
		Objects.requireNonNull(value, "value");
	}

	public static ChangeRequestId random() {
		return new ChangeRequestId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
