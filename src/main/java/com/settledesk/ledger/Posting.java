package com.settledesk.ledger;

import com.settledesk.shared.Money;

/** One line of a journal entry: debit positive, credit negative. */
public record Posting(LedgerAccount account, Money amount) {

	public static Posting debit(LedgerAccount account, Money amount) {
		return new Posting(account, amount);
	}

	public static Posting credit(LedgerAccount account, Money amount) {
		return new Posting(account, amount.negate());
	}
}
