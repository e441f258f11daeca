package com.settledesk.identity.internal;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.shared.MerchantId;

/** A user of SettleDesk. The password is only ever held as a hash. */
record UserAccount(UUID id, String username, String passwordHash, String displayName, Role role,
		MerchantId merchantId, boolean enabled, Instant createdAt, Instant passwordChangedAt, long version) {

	UserAccount {
		if (role.isMerchantRole() != (merchantId != null)) {
			throw new IllegalArgumentException("A merchant role needs a merchant and an operator role has none");
		}
	}

	CurrentUser toCurrentUser() {
		return new CurrentUser(id, username, displayName, role, merchantId);
	}

	@Override
	public String toString() {
		return "UserAccount[username=" + username + ", role=" + role + "]";
	}
}
