package com.settledesk.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.settledesk.shared.Money;

/** One imported bank result file and what it found. */
public record ReconciliationRun(UUID id, String fileName, LocalDate businessDate, String bank, long lines, Money total,
		long matched, long breaks, long openBreaks, String importedBy, Instant importedAt) {
}
