package com.settledesk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A multipart body is parsed before any controller is chosen, so its failures reach no controller's advice:
 * an upload over the container's limit is 413 and a broken body (cut off, a NUL in a file name) is 400 —
 * problem+json for the API, the friendly error page for people.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class MultipartProblems {

	private final Problems problems;

	MultipartProblems(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		return answer(request, response, HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE");
	}

	@ExceptionHandler(MultipartException.class)
	ModelAndView malformed(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		return answer(request, response, HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST");
	}

	private ModelAndView answer(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
			throws java.io.IOException {
		// The container will not read the rest of a body it refused; the connection is closed after the answer.
		response.setHeader("Connection", "close");
		if (request.getRequestURI().startsWith("/api/")) {
			problems.write(request, response, problems.of(request, status, code));
			return new ModelAndView();
		}
		return ErrorPages.of(status, status == HttpStatus.CONTENT_TOO_LARGE ? "error.page.413" : "error.page.400", request);
	}
}
