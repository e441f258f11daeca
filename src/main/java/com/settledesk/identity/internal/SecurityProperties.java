package com.settledesk.identity.internal;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Token signing and login throttling. Production has no token secret by default and refuses to start; the
 * demo has none either but a file to keep a generated one in ({@code tokenSecretFile}), so no secret is a
 * constant in the source. Failed logins are limited per name and, more loosely, per client address. A token found
 * valid is remembered for {@code tokenStateCache} ({@link TokenStates}).
 */
@Validated
@ConfigurationProperties("settledesk.security")
record SecurityProperties(
		String tokenSecret,
		Path tokenSecretFile,
		@NotNull Duration tokenTtl,
		@Min(1) int maxFailedLogins,
		@NotNull Duration failureWindow,
		@NotNull Duration lockDuration,
		@DefaultValue("30") @Min(1) int maxFailedLoginsPerAddress,
		@DefaultValue("10") @Min(1) int maxOneTimeCodesPerPhonePerDay,
		@DefaultValue("1s") @NotNull Duration tokenStateCache) {

	LoginThrottle.Policy throttlePolicy() {
		return new LoginThrottle.Policy(maxFailedLogins, failureWindow, lockDuration);
	}

	LoginThrottle.Policy addressPolicy() {
		return new LoginThrottle.Policy(maxFailedLoginsPerAddress, failureWindow, lockDuration);
	}
}
