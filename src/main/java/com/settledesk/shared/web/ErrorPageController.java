package com.settledesk.shared.web;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside a controller (unknown path, wrong method, a failure in a filter) land here:
 * API paths and non-browser clients get problem+json, people get a friendly page. No internals either way.
 */
@Controller
class ErrorPageController implements ErrorController {

	private final Problems problems;

	ErrorPageController(Problems problems) {
		this.problems = problems;
	}

	@RequestMapping("/error")
	String error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		HttpStatus status = statusOf(request);
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String accept = request.getHeader("Accept");
		boolean browser = accept != null && accept.contains("text/html");
		if ((uri != null && uri.startsWith("/api/")) || !browser) {
			var problem = problems.of(request, status, codeOf(status));
			problems.write(request, response, problem);
			return null;
		}
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		model.addAttribute("requestId", request.getAttribute("requestId"));
		model.addAttribute("messageKey", "error.page." + pageMessage(status));
		return "error";
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
		return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
	}

	/** Statuses with a page message of their own; any other client error reads as a bad request. */
	private static int pageMessage(HttpStatus status) {
		return switch (status.value()) {
			case 400, 401, 403, 404, 405, 409, 413, 422, 423, 429 -> status.value();
			default -> status.is4xxClientError() ? 400 : 500;
		};
	}

	private static String codeOf(HttpStatus status) {
		return switch (status) {
			case UNAUTHORIZED -> "UNAUTHORIZED";
			case FORBIDDEN -> "FORBIDDEN";
			case NOT_FOUND -> "NOT_FOUND";
			case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
			case CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
			case BAD_REQUEST -> "BAD_REQUEST";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
	}
}
