package com.settledesk.statement;

import java.util.List;

import com.settledesk.shared.MerchantId;

/** Receipts (收据) for fees charged. */
public interface Receipts {

	/**
	 * The receipt for the fee charged by the ledger entry — issued with its number the first time, the same
	 * number ever after. An entry that charged this merchant no fee is not found.
	 */
	Receipt issue(MerchantId merchantId, String entryKind, String entryReference);

	/** The receipt as a PDF. */
	StatementFile pdf(MerchantId merchantId, String number);

	List<Receipt> ofMerchant(MerchantId merchantId, int limit);
}
