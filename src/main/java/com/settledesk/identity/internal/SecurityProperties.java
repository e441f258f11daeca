package com.settledesk.identity.internal;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** Token signing and login throttling. Production has no token secret by default and refuses to start. */
@Validated
@ConfigurationProperties("settledesk.security")
record SecurityProperties(
		@NotBlank(message = "is required: set SETTLEDESK_TOKEN_SECRET to at least 32 random characters")
		@Size(min = 32, message = "must be at least 32 characters") String tokenSecret,
		@NotNull Duration tokenTtl,
		@Min(1) int maxFailedLogins,
		@NotNull Duration failureWindow,
		@NotNull Duration lockDuration) {

	LoginThrottle.Policy throttlePolicy() {
		return new LoginThrottle.Policy(maxFailedLogins, failureWindow, lockDuration);
	}
}
