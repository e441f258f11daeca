package com.settledesk.payout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.settledesk.shared.Money;

/**
 * One imported bank file and what it found. {@code otherDayLines}: lines for payouts created on another day
 * (matched like the rest, counted apart). A run replaced by a later file of the same day and channel names it
 * in {@code supersededBy}, with when and why; its open breaks were closed as superseded.
 */
public record ReconciliationRun(UUID id, String fileName, LocalDate businessDate, String bank, long lines, Money total,
		long matched, long breaks, long openBreaks, String importedBy, Instant importedAt, long otherDayLines,
		UUID supersededBy, Instant supersededAt, String supersededReason) {

	public boolean superseded() {
		return supersededBy != null || supersededAt != null;
	}
}
