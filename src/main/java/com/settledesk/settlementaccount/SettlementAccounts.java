package com.settledesk.settlementaccount;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;

/** The settlement accounts of merchants. */
public interface SettlementAccounts {

	Optional<SettlementAccountView> active(MerchantId merchantId);

	/** The accounts the merchant had before, newest first, each with its unbinding time. */
	List<SettlementAccountView> history(MerchantId merchantId);

	/** Binds the first account of a merchant at onboarding; a merchant that has one already is a 409. */
	SettlementAccountView bindInitial(MerchantId merchantId, NewSettlementAccount account);

	/**
	 * Binds a new account and unbinds the active one at the same instant, in the caller's transaction, and
	 * publishes {@link SettlementAccountChanged}. The old record is not edited beyond its unbinding.
	 */
	SettlementAccountView switchTo(MerchantId merchantId, ProtectedAccount account, String reason);

	/** Where each merchant's payouts go now: its active account, as a payout snapshots it. */
	Map<MerchantId, PayoutDestination> payoutDestinations(Collection<MerchantId> merchantIds);

	/** Whether an account with this fingerprint is active for a merchant other than the given one. */
	boolean activeForAnotherMerchant(String fingerprint, MerchantId merchantId);
}
