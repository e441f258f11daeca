package com.settledesk.audit.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.audit.AuditLog;
import com.settledesk.audit.ChainVerification;
import com.settledesk.shared.Timestamps;

/** Administrators read the latest entries and verify the chain against its anchors. */
@RestController
@RequestMapping("/api/v1/ops/audit")
class AuditController {

	private final AuditLog auditLog;

	AuditController(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@GetMapping("/verification")
	VerificationResponse verify() {
		return VerificationResponse.of(auditLog.verifyChain(), auditLog.anchorPublicKey());
	}

	@GetMapping("/entries")
	List<EntryResponse> entries(@RequestParam(defaultValue = "50") int limit) {
		return auditLog.latest(limit).stream()
			.map(e -> new EntryResponse(e.seq(), Timestamps.forDisplay(e.occurredAt()), e.actor(), e.action(),
					e.targetType(), e.targetId(), e.clientIp(), e.before(), e.after(), e.hash(), e.keyId()))
			.toList();
	}

	/**
	 * {@code lastAnchorAgeSeconds}: how long ago the latest anchor was signed, when there is one;
	 * {@code anchorPublicKey}: the Ed25519 key (X.509, base64) that checks the anchor files outside the application.
	 */
	record VerificationResponse(boolean intact, long entriesChecked, Long firstBrokenSeq, String problem,
			int anchorsChecked, Long lastAnchorSeq, OffsetDateTime lastAnchorAt, Long lastAnchorAgeSeconds,
			OffsetDateTime verifiedAt, String anchorPublicKey) {

		static VerificationResponse of(ChainVerification v, String anchorPublicKey) {
			Long age = v.lastAnchorAt() == null || v.verifiedAt() == null ? null
					: Math.max(0, java.time.Duration.between(v.lastAnchorAt(), v.verifiedAt()).toSeconds());
			return new VerificationResponse(v.intact(), v.entriesChecked(), v.firstBrokenSeq(), v.problem(),
					v.anchorsChecked(), v.lastAnchorSeq(), Timestamps.forDisplay(v.lastAnchorAt()), age,
					Timestamps.forDisplay(v.verifiedAt()), anchorPublicKey);
		}
	}

	record EntryResponse(long seq, OffsetDateTime at, String actor, String action, String targetType,
			String targetId, String clientIp, String before, String after, String hash, String keyId) {
	}
}
