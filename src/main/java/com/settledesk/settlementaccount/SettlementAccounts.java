package com.settledesk.settlementaccount;

import java.util.List;
import java.util.Optional;

import com.settledesk.shared.MerchantId;

/** The settlement accounts of merchants. */
public interface SettlementAccounts {

	Optional<SettlementAccountView> active(MerchantId merchantId);

	/** The accounts the merchant had before, newest first, each with its unbinding time. */
	List<SettlementAccountView> history(MerchantId merchantId);

	/** Binds the first account of a merchant at onboarding; a merchant that has one already is a 409. */
	SettlementAccountView bindInitial(MerchantId merchantId, NewSettlementAccount account);
}
