package com.settledesk.acquiring;

import java.time.Instant;

/** What the gateway posts for one transaction. */
public record Capture(String reference, String merchantNo, String terminalSn, String channel, String cardKind,
		Long amountFen, Instant occurredAt) {
}
