package com.settledesk.identity.internal;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import com.settledesk.identity.CurrentUser;

/** The web form's login, through the same {@link LoginService} (throttle, audit) as the token endpoint. */
class PasswordLoginProvider implements AuthenticationProvider {

	private final LoginService loginService;

	PasswordLoginProvider(LoginService loginService) {
		this.loginService = loginService;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String ip = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
		LoginOutcome outcome = loginService.authenticate(authentication.getName(),
				authentication.getCredentials() == null ? null : authentication.getCredentials().toString(), ip);
		return switch (outcome.result()) {
			case SUCCEEDED -> authenticated(outcome.user());
			case LOCKED, RATE_LIMITED -> throw new LockedException("Temporarily locked");
			case FAILED -> throw new BadCredentialsException("Bad credentials");
		};
	}

	static UsernamePasswordAuthenticationToken authenticated(CurrentUser user) {
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority())));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
