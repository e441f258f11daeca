package com.settledesk.audit.internal;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.settledesk.audit.AuditLog;

/** Verifies the whole chain on a schedule; a broken chain shows in the alert metric and the log. */
@Component
class ChainVerificationSchedule {

	private final AuditLog auditLog;

	ChainVerificationSchedule(AuditLog auditLog) {
		this.auditLog = auditLog;
	}

	@Scheduled(fixedDelayString = "${settledesk.audit.verification-interval:PT1H}",
			initialDelayString = "${settledesk.audit.first-verification-after:PT2M}")
	void verify() {
		auditLog.verifyChain();
	}
}
