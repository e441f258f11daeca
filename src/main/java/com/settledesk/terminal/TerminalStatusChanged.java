package com.settledesk.terminal;

import java.time.Instant;

import com.settledesk.shared.MerchantId;

/** A terminal moved from one status to another (published in the transaction that moved it). */
public record TerminalStatusChanged(String serialNo, String terminalId, MerchantId merchantId, TerminalStatus from,
		TerminalStatus to, LockReason lockReason, Instant at) {
}
