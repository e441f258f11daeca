package com.settledesk.ledger;

import java.util.List;
import java.util.Objects;

import com.settledesk.shared.Money;

/**
 * A business event in the ledger: its kind and reference identify it (posting it twice is refused), its
 * postings balance to zero — an entry that does not balance cannot be made.
 */
public record JournalEntry(String kind, String reference, List<Posting> postings) {

	public JournalEntry {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(reference, "reference");
		postings = postings.stream().filter(p -> p.amount().fen() != 0).toList();
		Money sum = postings.stream().map(Posting::amount).reduce(Money.ZERO, Money::plus);
		if (sum.fen() != 0) {
			throw new IllegalArgumentException("Journal entry " + kind + "/" + reference + " does not balance: " + sum);
		}
		if (postings.isEmpty()) {
			throw new IllegalArgumentException("Journal entry " + kind + "/" + reference + " moves nothing");
		}
	}
}
