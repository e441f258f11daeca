package com.settledesk.shared;

import java.util.Objects;
import java.util.UUID;

/** Identity of one settlement account record (结算账户); a change of card creates a new one. */
public record SettlementAccountId(UUID value) {

	public SettlementAccountId {
		Objects.requireNonNull(value, "value");
	}

	public static SettlementAccountId random() {
		return new SettlementAccountId(UUID.randomUUID());
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
