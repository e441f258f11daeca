package com.settledesk.identity;

import java.io.Serializable;
import java.util.Optional;
import java.util.UUID;

import org.springframework.security.core.AuthenticatedPrincipal;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;

/**
 * The authenticated user of a request, from a bearer token or a web session. Controllers take it as a
 * parameter; it is never built from request input.
 */
public record CurrentUser(UUID userId, String username, String displayName, Role role, MerchantId merchantId)
		implements AuthenticatedPrincipal, Serializable {

	@Override
	public String getName() {
		return username;
	}

	public Optional<MerchantId> merchant() {
		return Optional.ofNullable(merchantId);
	}

	/** The merchant whose data this user may see; a user without one sees none (404, nothing revealed). */
	public MerchantId requireMerchant() {
		return merchant().orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	public boolean isOperator() {
		return role.isOperatorRole();
	}
}
