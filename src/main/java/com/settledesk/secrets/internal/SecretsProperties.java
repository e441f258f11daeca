package com.settledesk.secrets.internal;

import java.nio.file.Path;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Keys for protecting secrets, base64 of 32 random bytes each. Production has no defaults: an empty key
 * stops the start. Keys retired by a rotation are listed as "id:base64,id:base64" and still decrypt (or, for
 * the audit chain, still check old entries). The audit chain's keys may instead come from files the demo
 * generates at its first start ({@code auditKeyFile}, {@code auditAnchorKeyFile}).
 */
@Validated
@ConfigurationProperties("settledesk.secrets")
record SecretsProperties(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String activeKeyId,
		@NotBlank(message = "is required: set SETTLEDESK_ENCRYPTION_KEY to base64 of 32 random bytes") String activeKey,
		String retiredKeys,
		@NotBlank(message = "is required: set SETTLEDESK_FINGERPRINT_KEY to base64 of 32 random bytes") String fingerprintKey,
		@DefaultValue("a1") @Pattern(regexp = "[A-Za-z0-9_-]{1,32}") String auditKeyId,
		String auditKey,
		Path auditKeyFile,
		String retiredAuditKeys,
		String auditAnchorKey,
		Path auditAnchorKeyFile) {
}
