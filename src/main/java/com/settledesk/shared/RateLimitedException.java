package com.settledesk.shared;

import java.time.Duration;

/** Asked again too soon: answered 429 with a Retry-After. */
public class RateLimitedException extends RuntimeException {

	private final String code;
	private final Duration retryAfter;

	public RateLimitedException(String code, Duration retryAfter) {
		super(code);
		this.code = code;
		this.retryAfter = retryAfter;
	}

	public String code() {
		return code;
	}

	public Duration retryAfter() {
		return retryAfter;
	}
}
