package com.settledesk.ledger;

import java.time.Instant;
import java.util.List;

import com.settledesk.shared.Money;

/** A journal entry as posted. */
public record PostedEntry(String kind, String reference, Instant postedAt, List<Posting> postings) {

	/** The entry's amount on the account (debit positive), zero if it did not touch it. */
	public Money amountOn(LedgerAccount account) {
		return postings.stream().filter(p -> p.account().equals(account)).map(Posting::amount)
			.reduce(Money.ZERO, Money::plus);
	}
}
