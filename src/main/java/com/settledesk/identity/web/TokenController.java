package com.settledesk.identity.web;

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

import com.settledesk.identity.internal.LoginOutcome;
import com.settledesk.identity.internal.LoginService;
import com.settledesk.identity.internal.TokenService;
import com.settledesk.shared.Masking;
import com.settledesk.shared.web.Problems;

/** POST /api/v1/auth/token: username and password for a short-lived bearer token. */
@RestController
class TokenController {

	private final LoginService loginService;
	private final TokenService tokens;
	private final Problems problems;

	TokenController(LoginService loginService, TokenService tokens, Problems problems) {
		this.loginService = loginService;
		this.tokens = tokens;
		this.problems = problems;
	}

	@PostMapping("/api/v1/auth/token")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest body, HttpServletRequest request) {
		LoginOutcome outcome = loginService.authenticate(body.username(), body.password(), request.getRemoteAddr());
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

	/** The token used for this request stops working; others of the same user are untouched. */
	@PostMapping("/api/v1/auth/logout")
	ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
		tokens.revoke(token);
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
		return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
	}

	record TokenRequest(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {

		@Override
		public String toString() {
			return "TokenRequest[username=" + Masking.maskSensitiveNumbers(username) + "]";
		}
	}

	record TokenResponse(String accessToken, String tokenType, long expiresIn) {
	}
}
