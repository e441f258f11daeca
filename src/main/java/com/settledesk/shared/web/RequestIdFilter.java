package com.settledesk.shared.web;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id (the caller's X-Request-Id when it is sane, else a new one), puts it in the
 * log context as "requestId" and echoes it in the response, so a complaint can be matched to log lines.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";
	static final String MDC_KEY = "requestId";
	private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(HEADER);
		String requestId = given != null && SANE.matcher(given).matches() ? given : newId();
		MDC.put(MDC_KEY, requestId);
		request.setAttribute(MDC_KEY, requestId);
		response.setHeader(HEADER, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	/**
	 * A random (version 4) UUID from the thread's own generator: an id names a request, it guards nothing, and
	 * {@link UUID#randomUUID()} draws from the shared SecureRandom, which was about 1.4 % of a static file's time.
	 */
	static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = random.nextLong() & ~0xF000L | 0x4000L;
		long least = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
		return new UUID(most, least).toString();
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}
}
