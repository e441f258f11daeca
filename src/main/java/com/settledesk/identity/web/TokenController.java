package com.settledesk.identity.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.internal.AccountRecovery;
import com.settledesk.identity.internal.LoginOutcome;
import com.settledesk.identity.internal.LoginService;
import com.settledesk.identity.internal.TokenService;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.shared.web.Problems;

/**
 * POST /api/v1/auth/token: username and password — or a merchant's registered phone and a code sent to it — for a
 * short-lived bearer token; account recovery by SMS code (api-v1.md, "Account recovery").
 */
@RestController
class TokenController {

	private final LoginService loginService;
	private final AccountRecovery recovery;
	private final TokenService tokens;
	private final Problems problems;

	TokenController(LoginService loginService, AccountRecovery recovery, TokenService tokens, Problems problems) {
		this.loginService = loginService;
		this.recovery = recovery;
		this.tokens = tokens;
		this.problems = problems;
	}

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		boolean byCode = body.phone() != null || body.smsCode() != null;
		if (byCode ? body.phone() == null || body.smsCode() == null || body.username() != null || body.password() != null
				: body.username() == null || body.username().isBlank() || body.password() == null || body.password().isBlank()) {
			throw new ValidationFailedException(List.of(new FieldViolation(byCode ? "smsCode" : "password", "REQUIRED")));
		}
		LoginOutcome outcome = byCode ? recovery.signIn(body.phone(), body.smsCode(), request.getRemoteAddr())
				: loginService.authenticate(body.username(), body.password(), request.getRemoteAddr());
		return switch (outcome.result()) {
			case SUCCEEDED -> {
				var token = tokens.issue(outcome.user());
				yield ResponseEntity.ok(new TokenResponse(token.value(), "Bearer", token.expiresInSeconds()));
			}
			case LOCKED -> problem(problems.of(HttpStatus.LOCKED, "ACCOUNT_LOCKED"));
			case RATE_LIMITED -> ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, outcome.retryAfter().toSeconds())))
				.contentType(Problems.PROBLEM_JSON)
				.body(problems.of(HttpStatus.TOO_MANY_REQUESTS, "LOGIN_RATE_LIMITED"));
			case FAILED -> problem(problems.of(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS"));
		};
	}

	/** 202 whether or not the phone is registered; a code goes only to a registered merchant user's phone. */
	@PostMapping("/api/v1/auth/sms-code")
	ResponseEntity<Void> smsCode(@Valid @RequestBody PhoneRequest body, HttpServletRequest request, Locale locale) {
		recovery.sendCode(body.phone(), request.getRemoteAddr(), locale);
		return ResponseEntity.accepted().build();
	}

	/** 204 and every earlier token and session ends; a wrong code (or phone) is a 422 on the code. */
	@PostMapping("/api/v1/auth/password-reset")
	ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetRequest body, HttpServletRequest request,
			Locale locale) {
		if (!recovery.resetPassword(body.phone(), body.smsCode(), body.newPassword(), request.getRemoteAddr(), locale)) {
			throw new ValidationFailedException(List.of(new FieldViolation("smsCode", "OTP_INVALID")));
		}
		return ResponseEntity.noContent().build();
	}

	/** The token used for this request stops working; others of the same user are untouched. */
	@PostMapping("/api/v1/auth/logout")
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
		tokens.revoke(token);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
	}

	record TokenRequest(@Size(max = 200) String username, @Size(max = 200) String password,
			@Size(max = 20) String phone, @Size(max = 10) String smsCode) {

		@Override
		public String toString() {
			return "TokenRequest[username=" + Masking.maskSensitiveNumbers(username) + "]";
		}
	}

	record PhoneRequest(@NotBlank @Size(max = 20) String phone) {

		@Override
		public String toString() {
			return "PhoneRequest[phone=" + Masking.maskSensitiveNumbers(phone) + "]";
		}
	}

	record ResetRequest(@NotBlank @Size(max = 20) String phone, @NotBlank @Size(max = 10) String smsCode,
			@NotBlank @Size(max = 200) String newPassword) {

		@Override
		public String toString() {
			return "ResetRequest[phone=" + Masking.maskSensitiveNumbers(phone) + "]";
		}
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}
}
