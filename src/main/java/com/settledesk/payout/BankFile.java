package com.settledesk.payout;

import java.time.Instant;

/** A file exchanged with the bank as operators see it: which message, which way, what came of it (no content). */
public record BankFile(String direction, String type, String name, String status, String note, Instant at) {
}
