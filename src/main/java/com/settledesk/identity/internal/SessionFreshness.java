package com.settledesk.identity.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import com.settledesk.identity.CurrentUser;

/**
 * Ends a web session that began before its user's password last changed (a reset by SMS code ends the sessions on
 * every other device) or whose user was disabled; the next page asks to sign in again.
 */
public class SessionFreshness extends OncePerRequestFilter {

	private static final String SIGNED_IN_AT = "settledesk.signedInAt";

	private final UserAccountRepository users;

	SessionFreshness(UserAccountRepository users) {
		this.users = users;
	}

	/** Marks the session's sign-in time; called whenever a user signs in on the web. */
	public static void signedIn(HttpSession session, Instant at) {
		session.setAttribute(SIGNED_IN_AT, at);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
			Instant signedInAt = session.getAttribute(SIGNED_IN_AT) instanceof Instant at ? at
					: Instant.ofEpochMilli(session.getCreationTime());
			Optional<Instant> changed = users.passwordChangedAt(user.userId());
			if (changed.isEmpty() || changed.get().isAfter(signedInAt)) {
				session.invalidate();
				SecurityContextHolder.clearContext();
			}
		}
		chain.doFilter(request, response);
	}
}
