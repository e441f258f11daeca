package com.settledesk.integration.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhook delivery ({@code settledesk.webhooks.*}). Production refuses targets outside the public internet and plain
 * HTTP and retries for three days; the demo allows a local receiver and retries within minutes.
 */
@ConfigurationProperties("settledesk.webhooks")
record WebhookProperties(boolean allowPrivateTargets, boolean requireHttps, Duration firstRetry, Duration giveUpAfter,
		Duration disableAfter, Duration secretOverlap, Duration timeout, Duration lease, int workers, int queueCapacity) {

	WebhookProperties {
		firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
		giveUpAfter = giveUpAfter == null ? Duration.ofDays(3) : giveUpAfter;
		disableAfter = disableAfter == null ? Duration.ofDays(3) : disableAfter;
		secretOverlap = secretOverlap == null ? Duration.ofHours(24) : secretOverlap;
		timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
		// longer than a delivery can take: another instance takes a claimed delivery over only after it ran out
		lease = lease == null ? Duration.ofSeconds(60) : lease;
		workers = workers <= 0 ? 4 : workers;
		queueCapacity = queueCapacity <= 0 ? 100 : queueCapacity;
	}
}
