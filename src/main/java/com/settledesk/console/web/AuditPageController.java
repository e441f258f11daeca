package com.settledesk.console.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

import com.settledesk.audit.AuditLog;
import com.settledesk.audit.ChainVerification;
import com.settledesk.identity.CurrentUser;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.jobs.JobFailedException;
import com.settledesk.jobs.JobResult;

/**
 * 审计链: whether the audit chain held at its latest verification, the latest anchor kept outside the database
 * and its age, the latest entries; a verification of the whole chain runs as a job with progress.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditPageController {

	private final AuditLog auditLog;
	private final BackgroundJobs jobs;
	private final Clock clock;

	AuditPageController(AuditLog auditLog, BackgroundJobs jobs, Clock clock) {
		this.auditLog = auditLog;
		this.jobs = jobs;
		this.clock = clock;
	}

	@GetMapping("/ops/audit")
	String page(Model model) {
		model.addAttribute("verification", auditLog.lastVerification().orElse(null));
		auditLog.lastAnchor().ifPresent(anchor -> {
			model.addAttribute("anchor", anchor);
			model.addAttribute("anchorAgeMinutes",
					Math.max(0, Duration.between(anchor.at(), clock.instant()).toMinutes()));
		});
		model.addAttribute("length", auditLog.length());
		model.addAttribute("anchorPublicKey", auditLog.anchorPublicKey());
		model.addAttribute("entries", auditLog.latest(10));
		return "console/audit";
	}

	@PostMapping("/ops/audit/verification")
	String verify(CurrentUser user, Model model) {
		UUID job = jobs.start("AUDIT_VERIFICATION", user.username(), progress -> {
			progress.total(auditLog.length());
			ChainVerification result = auditLog.verifyChain(progress::done);
			if (!result.intact()) {
				throw new JobFailedException("AUDIT_CHAIN_BROKEN", String.valueOf(result.firstBrokenSeq()));
			}
			String report = "intact=true\r\nentriesChecked=" + result.entriesChecked() + "\r\nanchorsChecked="
					+ result.anchorsChecked() + "\r\nlastAnchorSeq=" + result.lastAnchorSeq() + "\r\nverifiedAt="
					+ result.verifiedAt() + "\r\n";
			return new JobResult("audit-verification.txt", "text/plain;charset=UTF-8",
					report.getBytes(StandardCharsets.UTF_8));
		});
		model.addAttribute("job", jobs.find(job, user.username()).orElseThrow());
		return "jobs/progress :: job";
	}
}
