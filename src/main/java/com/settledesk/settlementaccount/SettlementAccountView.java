package com.settledesk.settlementaccount;

import java.time.Instant;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.SettlementAccountId;

/** A settlement account as the rest of the system sees it: the number only masked and fingerprinted. */
public record SettlementAccountView(SettlementAccountId id, MerchantId merchantId, AccountType accountType,
		String accountNumberMasked, String accountNumberFingerprint, String accountName, String bankCode,
		String bankName, String bankBranch, String cnapsCode, Instant boundAt, Instant unboundAt) {

	public boolean isActive() {
		return unboundAt == null;
	}
}
