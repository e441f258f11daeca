package com.settledesk.terminal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;

/**
 * A terminal as other modules see it: never its keys or activation code. {@code terminalId} is the 8-digit id
 * of ISO 8583 field 41, given at activation; {@code channels} are the payment channels its model accepts.
 */
public record TerminalView(String serialNo, String terminalId, MerchantId merchantId,
		SettlementAccountId settlementAccountId, String modelCode, String model, Set<String> channels,
		String installAddress, TerminalStatus status, LockReason lockReason, UUID applicationId, Instant shippedAt,
		Instant activatedAt) {

	public boolean acceptsChannel(String channel) {
		return channels.isEmpty() || channels.contains(channel);
	}
}
