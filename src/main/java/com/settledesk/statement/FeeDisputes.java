package com.settledesk.statement;

import java.util.List;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** Fees a merchant questions from a statement line (费用争议), recorded for operators to answer. */
public interface FeeDisputes {

	/** Records the dispute; a fee the merchant was not charged is not found, one already disputed a 409. */
	FeeDispute raise(MerchantId merchantId, String entryKind, String entryReference, String reason, String by);

	List<FeeDispute> ofMerchant(MerchantId merchantId);

	List<FeeDispute> open(int limit);

	/** An operator's answer; audited. */
	void resolve(UUID disputeId, String resolution, String by);
}
