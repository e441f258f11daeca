package com.settledesk.demo.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * While the demo's history is written (first start, some seconds) the clock stands in the past, so nobody may sign
 * in or act yet: every request but the app's own simulated providers ({@code /sim/**}, which the history calls) is
 * answered 503 with Retry-After — a page that shows the progress and reloads itself, or problem+json for the API.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnExpression("${settledesk.demo.enabled:false} and ${settledesk.demo.history-days:0} > 0")
class DemoPreparationGate extends OncePerRequestFilter {

	private final HistoryProgress history;
	private final MessageSource messages;

	DemoPreparationGate(HistoryProgress history, MessageSource messages) {
		this.history = history;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!history.preparing() || request.getRequestURI().startsWith("/sim/")) {
			chain.doFilter(request, response);
			return;
		}
		Locale locale = request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
		String title = messages.getMessage("demo.preparing.title", null, locale);
		String detail = messages.getMessage("demo.preparing.detail", new Object[] { history.daysWritten(), history.days() },
				locale);
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "5");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		String accept = request.getHeader("Accept");
		if (accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
			response.setContentType(MediaType.TEXT_HTML_VALUE);
			response.getWriter().write("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
					+ "<meta http-equiv=\"refresh\" content=\"3\"><title>" + HtmlUtils.htmlEscape(title) + "</title></head>"
					+ "<body style=\"font-family:sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem\"><h1>"
					+ HtmlUtils.htmlEscape(title) + "</h1><p>" + HtmlUtils.htmlEscape(detail) + "</p><progress max=\""
					+ history.days() + "\" value=\"" + history.daysWritten() + "\" style=\"width:100%\"></progress></body></html>");
			return;
		}
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,\"detail\":\""
				+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
	}
}
