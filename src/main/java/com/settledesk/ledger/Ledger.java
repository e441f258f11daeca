package com.settledesk.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

/** Posting to and reading from the ledger. Posting joins the caller's transaction. */
public interface Ledger {

	/** Posts the entry; answers false (and posts nothing) if an entry of this kind and reference exists. */
	boolean post(JournalEntry entry);

	/**
	 * Posts many entries at once, a statement per table rather than per row (group commit for batches and
	 * sweeps). Every entry must be new: one whose kind and reference exist fails the whole call.
	 */
	void postAll(List<JournalEntry> entries);

	/** The balance, debit positive. */
	Money balance(LedgerAccount account);

	/** The balances of many merchant accounts in one read, debit positive; an account never posted to is zero. */
	Map<LedgerAccount, Money> balances(Collection<LedgerAccount> merchantAccounts);

	/** The merchants the acquirer owes at least the given amount (their payable's credit balance, positive). */
	Map<MerchantId, Money> owedToMerchants(Money atLeast);

	/** The account's balance from the postings of entries made before the instant (debit positive). */
	Money balanceBefore(LedgerAccount account, Instant at);

	/** How many postings the account has in [from, to). */
	long countPostings(LedgerAccount account, Instant from, Instant to);

	/**
	 * The account's postings in [from, to), oldest first, each with its entry's kind and reference — read as a
	 * stream, so a busy month does not have to fit in memory.
	 */
	void forEachPosting(LedgerAccount account, Instant from, Instant to, Consumer<LedgerLine> line);

	/** The entry of this kind and reference, with its postings, if it was posted. */
	Optional<PostedEntry> entry(String kind, String reference);

	/** Whether every maintained balance equals the sum of its postings and all postings sum to zero. */
	boolean consistent();
}
