package com.settledesk.ledger;

import com.settledesk.shared.MerchantId;

/** A ledger account by name; merchant payables are one account per merchant. */
public record LedgerAccount(String name) {

	/** What the card networks owe us for captured transactions (a debit balance). */
	public static final LedgerAccount CARD_NETWORK_RECEIVABLE = new LedgerAccount("CARD_NETWORK_RECEIVABLE");
	/** Our fees (a credit balance). */
	public static final LedgerAccount FEE_REVENUE = new LedgerAccount("FEE_REVENUE");
	/** Payouts handed to the bank and not yet confirmed paid (a credit balance). */
	public static final LedgerAccount PAYOUT_IN_TRANSIT = new LedgerAccount("PAYOUT_IN_TRANSIT");
	/** Terminal deposits (押金) held for merchants until the terminal comes back (a credit balance). */
	public static final LedgerAccount TERMINAL_DEPOSITS = new LedgerAccount("TERMINAL_DEPOSITS");
	/** Money paid out of our settlement bank account (a credit balance). */
	public static final LedgerAccount SETTLEMENT_BANK = new LedgerAccount("SETTLEMENT_BANK");

	private static final String MERCHANT_PAYABLE = "MERCHANT_PAYABLE:";

	public static LedgerAccount merchantPayable(MerchantId merchantId) {
		return new LedgerAccount(MERCHANT_PAYABLE + merchantId);
	}

	public boolean isMerchantAccount() {
		return name.startsWith(MERCHANT_PAYABLE);
	}

	/** The merchant whose payable this is. */
	public MerchantId merchantId() {
		if (!isMerchantAccount()) {
			throw new IllegalStateException(name + " is not a merchant account");
		}
		return MerchantId.of(name.substring(MERCHANT_PAYABLE.length()));
	}
}
