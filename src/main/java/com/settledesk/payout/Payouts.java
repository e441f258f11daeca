package com.settledesk.payout;

import java.util.List;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public interface Payouts {

	Balance balance(MerchantId merchantId);

	List<PayoutView> ofMerchant(MerchantId merchantId, int limit);

	/** Sweeps balances into payouts now: D0 any day, T1 only on a working day (and only what is due). */
	SettlementRun settle(String mode);

	/** Amount of the merchant's payouts not yet paid. */
	Money pending(MerchantId merchantId);
}
