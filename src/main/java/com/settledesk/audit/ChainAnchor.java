package com.settledesk.audit;

import java.time.Instant;

/** The chain's head as last signed and kept outside the database. */
public record ChainAnchor(long seq, String hash, Instant at) {
}
