package com.settledesk.merchant;

import java.util.Locale;

import com.settledesk.shared.MerchantId;

/** What other modules may know of a merchant. The legal representative's ID number only masked. */
public record MerchantProfile(MerchantId id, String merchantNo, MerchantKind kind, String name, String legalName,
		String legalIdMasked, String contactPhone, String mcc, MerchantStatus status, SettlementMode settlementMode,
		String feePlan, Locale language, String businessAddress) {
}
