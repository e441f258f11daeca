package com.settledesk.identity.internal;

import java.util.UUID;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.shared.MerchantId;

/** Reads the {@link CurrentUser} out of either kind of authentication: a bearer token or a web session. */
final class CurrentUsers {

	private CurrentUsers() {
	}

	static CurrentUser from(Authentication authentication) {
		if (authentication == null) {
			return null;
		}
		if (authentication.getPrincipal() instanceof CurrentUser user) {
			return user;
		}
		if (authentication instanceof JwtAuthenticationToken token) {
			Jwt jwt = token.getToken();
			String merchant = jwt.getClaimAsString(TokenService.CLAIM_MERCHANT);
			return new CurrentUser(UUID.fromString(jwt.getClaimAsString(TokenService.CLAIM_USER_ID)), jwt.getSubject(),
					jwt.getClaimAsString(TokenService.CLAIM_NAME), Role.valueOf(jwt.getClaimAsString(TokenService.CLAIM_ROLE)),
					merchant == null ? null : MerchantId.of(merchant));
		}
		return null;
	}
}
