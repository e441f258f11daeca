package com.settledesk.ledger;

import com.settledesk.shared.Money;

/** Posting to and reading from the ledger. Posting joins the caller's transaction. */
public interface Ledger {

	/** Posts the entry; answers false (and posts nothing) if an entry of this kind and reference exists. */
	boolean post(JournalEntry entry);

	/** The balance, debit positive. */
	Money balance(LedgerAccount account);

	/** Whether every maintained balance equals the sum of its postings and all postings sum to zero. */
	boolean consistent();
}
