package com.settledesk.merchant;

import java.util.Locale;

/** Onboarding data (进件) of a new merchant. */
public record MerchantRegistration(String merchantNo, MerchantKind kind, String name, String legalName,
		String legalIdNumber, String contactPhone, String mcc, SettlementMode settlementMode, String feePlan,
		Locale language, String businessAddress) {

	@Override
	public String toString() {
		return "MerchantRegistration[merchantNo=" + merchantNo + ", name=" + name + "]";
	}
}
