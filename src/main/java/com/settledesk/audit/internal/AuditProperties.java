package com.settledesk.audit.internal;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the chain's anchors are kept (outside the database; production has no default and refuses to start
 * without one) and how often: an anchor at least every hour, a scheduled verification, and how many of the
 * latest anchors a verification holds the chain against.
 */
@Validated
@ConfigurationProperties("settledesk.audit")
record AuditProperties(
		@NotNull(message = "is required: set SETTLEDESK_AUDIT_ANCHOR_DIRECTORY to a folder outside the database") Path anchorDirectory,
		@DefaultValue("PT1H") @NotNull Duration anchorInterval,
		@DefaultValue("PT1H") @NotNull Duration verificationInterval,
		@DefaultValue("100") @Min(1) @Max(10_000) int anchorsChecked,
		@DefaultValue("5000") @Min(10) @Max(100_000) int pageSize) {

	@AssertTrue(message = "must be at most one hour: the chain is anchored at least hourly")
	boolean isAnchorIntervalAtMostAnHour() {
		return anchorInterval == null || (!anchorInterval.isNegative() && anchorInterval.compareTo(Duration.ofHours(1)) <= 0);
	}
}
