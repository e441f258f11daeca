package com.settledesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/** The friendly error page (templates/error.html) with a status, a message in words and the request id. */
public final class ErrorPages {

	private ErrorPages() {
	}

	public static ModelAndView of(HttpStatus status, String messageKey, HttpServletRequest request) {
		ModelAndView page = new ModelAndView("error", status);
		page.addObject("status", status.value());
		page.addObject("requestId", request.getAttribute("requestId"));
		page.addObject("messageKey", messageKey);
		return page;
	}
}
