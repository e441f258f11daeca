package com.settledesk.verification.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The HTTP four-element provider (settledesk.verification.http.*). The base URL may name
 * {@code ${local.server.port}}: the demo's simulated provider is served by the app itself, on a port known
 * only once the server is up, so placeholders are resolved at the first call.
 */
@ConfigurationProperties("settledesk.verification.http")
record VerificationProviderProperties(String baseUrl, String apiKey, String secret,
		@DefaultValue("2s") Duration timeout, @DefaultValue("2") int attempts, @DefaultValue("30s") Duration openFor) {

	@Override
	public String toString() {
		return "VerificationProviderProperties[baseUrl=" + baseUrl + ", timeout=" + timeout + "]";
	}
}
