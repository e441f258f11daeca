package com.settledesk.payout;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public interface Payouts {

	Balance balance(MerchantId merchantId);

	default List<PayoutView> ofMerchant(MerchantId merchantId, int limit) {
		return ofMerchant(merchantId, 0, limit);
	}

	/** The merchant's payouts, newest first, after the first {@code offset} of them. */
	List<PayoutView> ofMerchant(MerchantId merchantId, int offset, int limit);

	/** Sweeps balances into payouts now: D0 any day, T1 only on a working day (and only what is due). */
	SettlementRun settle(String mode);

	/** {@link #settle} asked for by an operator, recorded in the audit log with its outcome. */
	SettlementRun settleOnDemand(String mode, String by);

	/** Amount of the merchant's payouts not yet paid. */
	Money pending(MerchantId merchantId);

	List<PayoutView> byStatus(PayoutStatus status, int limit);

	/** Many payouts by id in one read; unknown ids are absent from the map. */
	Map<UUID, PayoutView> byIds(Collection<UUID> ids);

	Map<PayoutStatus, Long> countByStatus();

	/** Asks the bank again now for a payout that is waiting for an answer (same payout id: nothing paid twice). */
	void retry(UUID payoutId, String by);

	/** Stops payouts of a merchant (the balance stays) until released or the card is changed. */
	void hold(MerchantId merchantId, String reason, String by);

	void release(MerchantId merchantId, String by);
}
