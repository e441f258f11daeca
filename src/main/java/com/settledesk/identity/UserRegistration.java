package com.settledesk.identity;

import com.settledesk.shared.MerchantId;

/** A new user: merchant roles need the merchant, operator roles must not have one. */
public record UserRegistration(String username, String rawPassword, String displayName, Role role,
		MerchantId merchantId) {

	@Override
	public String toString() {
		return "UserRegistration[username=" + username + ", role=" + role + "]";
	}
}
