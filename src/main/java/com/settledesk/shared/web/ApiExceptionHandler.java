package com.settledesk.shared.web;

import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure in an API controller into problem+json. Framework exceptions keep their status but
 * get our codes and wording; anything unexpected is logged with the request id and answered 500 plainly.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
	private static final Map<String, String> CONSTRAINT_CODES = Map.of(
			"NotBlank", "REQUIRED", "NotNull", "REQUIRED", "NotEmpty", "REQUIRED",
			"Size", "INVALID_LENGTH", "Pattern", "INVALID_FORMAT", "Email", "INVALID_FORMAT",
			"Positive", "MUST_BE_POSITIVE", "Min", "OUT_OF_RANGE", "Max", "OUT_OF_RANGE");

	private final Problems problems;

	ApiExceptionHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(ValidationFailedException.class)
	ResponseEntity<ProblemDetail> validationFailed(ValidationFailedException e) {
		return respond(problems.validation(e.violations()));
	}

	@ExceptionHandler(StateConflictException.class)
	ResponseEntity<ProblemDetail> conflict(StateConflictException e) {
		return respond(problems.of(HttpStatus.CONFLICT, e.code()));
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, DataIntegrityViolationException.class })
	ResponseEntity<ProblemDetail> concurrentChange(RuntimeException e) {
		log.info("Conflicting write refused: {}", e.getClass().getSimpleName());
		return respond(problems.of(HttpStatus.CONFLICT, "CONCURRENT_CHANGE"));
	}

	@ExceptionHandler(RateLimitedException.class)
	ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
		ProblemDetail problem = problems.of(HttpStatus.TOO_MANY_REQUESTS, e.code());
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
			.contentType(Problems.PROBLEM_JSON)
			.body(problem);
	}

	@ExceptionHandler(ResourceNotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(ResourceNotFoundException e) {
		return respond(problems.of(HttpStatus.NOT_FOUND, "NOT_FOUND"));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
		return respond(problems.of(HttpStatus.FORBIDDEN, "FORBIDDEN"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected failure while handling an API request", e);
		return respond(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = e.getBindingResult().getFieldErrors().stream()
			.map(ApiExceptionHandler::toViolation)
			.toList();
		return new ResponseEntity<>(problems.validation(violations), HttpStatus.UNPROCESSABLE_CONTENT);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldViolation violation = e.getCause() instanceof MismatchedInputException mismatch ? toViolation(mismatch) : null;
		if (violation != null) {
			return new ResponseEntity<>(problems.validation(List.of(violation)), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return new ResponseEntity<>(problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST"), HttpStatus.BAD_REQUEST);
	}

	/**
	 * Well-formed JSON whose value does not fit its field is a field error: money (fields ending in Fen) and
	 * counts must be whole numbers written as numbers, times must be ISO-8601.
	 */
	private static FieldViolation toViolation(MismatchedInputException e) {
		StringBuilder field = new StringBuilder();
		for (JacksonException.Reference reference : e.getPath()) {
			if (reference.getPropertyName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				field.append('[').append(reference.getIndex()).append(']');
			}
		}
		if (field.isEmpty()) {
			return null;
		}
		String name = e.getPath().stream().map(JacksonException.Reference::getPropertyName)
			.filter(java.util.Objects::nonNull).reduce((first, second) -> second).orElse("");
		Class<?> target = e.getTargetType();
		boolean whole = target != null && (target == Long.class || target == long.class || target == Integer.class
				|| target == int.class || target == Short.class || target == short.class);
		String code = name.endsWith("Fen") ? "INVALID_AMOUNT" : whole ? "INVALID_NUMBER" : "INVALID_FORMAT";
		return new FieldViolation(field.toString(), code);
	}

	/** The framework's own exceptions (405, 415, missing parameter, ...) keep their status, lose their wording. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpStatus status = HttpStatus.valueOf(statusCode.value());
		String code = switch (status) {
			case METHOD_NOT_ALLOWED -> "METHOD_NOT_ALLOWED";
			case NOT_FOUND -> "NOT_FOUND";
			case UNSUPPORTED_MEDIA_TYPE -> "UNSUPPORTED_MEDIA_TYPE";
			case NOT_ACCEPTABLE -> "NOT_ACCEPTABLE";
			case PAYLOAD_TOO_LARGE, CONTENT_TOO_LARGE -> "PAYLOAD_TOO_LARGE";
			default -> status.is5xxServerError() ? "INTERNAL_ERROR" : "BAD_REQUEST";
		};
		return new ResponseEntity<>(problems.of(status, code), headers, status);
	}

	private static FieldViolation toViolation(FieldError error) {
		String constraint = error.getCode() == null ? "" : error.getCode();
		return new FieldViolation(error.getField(), CONSTRAINT_CODES.getOrDefault(constraint, "INVALID"));
	}

	private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
	}
}
