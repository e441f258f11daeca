package com.settledesk.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

import com.settledesk.shared.FieldViolation;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the RFC 9457 problem documents of the API: a stable code, a localised title and detail, the
 * request id, and for 422 the list of field errors. Never an exception message, class name or SQL.
 */
@Component
public class Problems {

	public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

	private final MessageSource messages;
	private final JsonMapper json;
	private final LocaleResolver localeResolver;

	Problems(MessageSource messages, JsonMapper json, LocaleResolver localeResolver) {
		this.messages = messages;
		this.json = json;
		this.localeResolver = localeResolver;
	}

	/** Outside Spring MVC (security filters) the locale is not set yet: resolve it from the request. */
	public ProblemDetail of(HttpServletRequest request, HttpStatus status, String code) {
		Locale previous = LocaleContextHolder.getLocale();
		LocaleContextHolder.setLocale(localeResolver.resolveLocale(request));
		try {
			return of(status, code);
		}
		finally {
			LocaleContextHolder.setLocale(previous);
		}
	}

	/** A problem whose title and detail come from the bundle keys problem.CODE.title / problem.CODE.detail. */
	public ProblemDetail of(HttpStatus status, String code, Object... detailArgs) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create("urn:settledesk:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-')));
		problem.setTitle(messages.getMessage("problem." + code + ".title", null, status.getReasonPhrase(), locale));
		problem.setDetail(messages.getMessage("problem." + code + ".detail", detailArgs,
				problem.getTitle(), locale));
		problem.setProperty("code", code);
		String requestId = MDC.get("requestId");
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

	public ProblemDetail validation(List<FieldViolation> violations) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "VALIDATION_FAILED");
		problem.setProperty("errors", violations.stream()
			.map(v -> Map.of("field", v.field(), "code", v.code(), "message",
					messages.getMessage("field." + v.code(), v.args(), v.code(), locale)))
			.toList());
		return problem;
	}

	/** For code outside Spring MVC (security entry points, the error controller): writes the problem. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		problem.setInstance(UriComponentsBuilder.fromPath(original instanceof String path ? path : request.getRequestURI())
			.encode().build().toUri());
		response.setStatus(problem.getStatus());
		response.setContentType(PROBLEM_JSON.toString());
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}
}
