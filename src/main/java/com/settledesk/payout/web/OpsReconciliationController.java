package com.settledesk.payout.web;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import com.settledesk.identity.CurrentUser;
import com.settledesk.payout.ReconciliationBreak;
import com.settledesk.payout.ReconciliationRun;
import com.settledesk.payout.ReconciliationUpload;
import com.settledesk.payout.Reconciliations;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

/** Finance's reconciliation with the bank (api-v1.md additions): import a result file, see runs and breaks, resolve. */
@RestController
@RequestMapping("/api/v1/ops/reconciliation")
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
class OpsReconciliationController {

	private final Reconciliations reconciliations;

	OpsReconciliationController(Reconciliations reconciliations) {
		this.reconciliations = reconciliations;
	}

	/**
	 * The file as the request body (any size: it is streamed to disk, never held in memory), its name in the
	 * query; {@code replace=true} with a {@code reason} replaces a file already accepted for the same day.
	 */
	@PostMapping(value = "/files", consumes = { "text/plain", "application/octet-stream" })
	ResponseEntity<JobStarted> upload(@RequestParam(defaultValue = "result.txt") String name,
			@RequestParam(defaultValue = "false") boolean replace, @RequestParam(required = false) String reason,
			InputStream body, CurrentUser user) {
		if (name.isBlank() || name.length() > 200) {
			throw new ValidationFailedException(new FieldViolation("name", "INVALID"));
		}
		return started(reconciliations.importFile(name, body, user.username(), replaceReason(replace, reason)));
	}

	@PostMapping("/bank-files")
	ResponseEntity<JobStarted> fetch(@RequestBody BankFileRequest body, CurrentUser user) {
		LocalDate day;
		try {
			day = LocalDate.parse(body.date() == null ? "" : body.date());
		}
		catch (DateTimeParseException e) {
			throw new ValidationFailedException(new FieldViolation("date", body.date() == null ? "REQUIRED" : "INVALID"));
		}
		return started(reconciliations.importBankFile(day, user.username(),
				replaceReason(Boolean.TRUE.equals(body.replace()), body.reason())));
	}

	/** What became of each file handed over, refusals included, newest first. */
	@GetMapping("/uploads")
	List<UploadResponse> uploads() {
		return reconciliations.uploads(50).stream().map(UploadResponse::of).toList();
	}

	@GetMapping("/uploads/{id}")
	UploadResponse upload(@PathVariable UUID id) {
		return UploadResponse.of(reconciliations.upload(id));
	}

	/** Replacing needs a reason; without {@code replace} none is used. */
	private static String replaceReason(boolean replace, String reason) {
		if (!replace) {
			return null;
		}
		if (reason == null || reason.isBlank()) {
			throw new ValidationFailedException(new FieldViolation("reason", "REQUIRED"));
		}
		return reason;
	}

	@GetMapping("/runs")
	List<RunResponse> runs() {
		return reconciliations.runs(50).stream().map(RunResponse::of).toList();
	}

	@GetMapping("/runs/{id}/breaks")
	List<ReconciliationBreak> breaks(@PathVariable UUID id) {
		return reconciliations.breaks(id);
	}

	@GetMapping("/runs/{id}/breaks.csv")
	ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id) {
		reconciliations.run(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"breaks-" + id + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(out -> reconciliations.exportBreaks(id, out));
	}

	@PostMapping("/breaks/{id}/resolution")
	ResponseEntity<Void> resolve(@PathVariable long id, @RequestBody ResolutionRequest body, CurrentUser user) {
		reconciliations.resolve(id, body.note(), Boolean.TRUE.equals(body.applyBankAnswer()), user.username());
		return ResponseEntity.noContent().build();
	}

	private static ResponseEntity<JobStarted> started(ReconciliationUpload upload) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(new JobStarted(upload.jobId().toString(),
				"/api/v1/jobs/" + upload.jobId(), upload.id().toString(),
				"/api/v1/ops/reconciliation/uploads/" + upload.id()));
	}

	/** The job runs the import; the upload says, once known, whether the file was accepted or refused and why. */
	record JobStarted(String jobId, String statusUrl, String uploadId, String uploadUrl) {
	}

	record BankFileRequest(String date, Boolean replace, String reason) {
	}

	record UploadResponse(String id, String jobId, String fileName, String source, String status, String refusalCode,
			String refusalDetail, String runId, String replaceReason, String requestedBy, OffsetDateTime requestedAt,
			OffsetDateTime finishedAt) {

		static UploadResponse of(ReconciliationUpload u) {
			return new UploadResponse(u.id().toString(), u.jobId() == null ? null : u.jobId().toString(), u.fileName(),
					u.source().name(), u.status().name(), u.refusalCode(), u.refusalDetail(),
					u.runId() == null ? null : u.runId().toString(), u.replaceReason(), u.requestedBy(),
					Timestamps.forDisplay(u.requestedAt()), Timestamps.forDisplay(u.finishedAt()));
		}
	}

	record ResolutionRequest(String note, Boolean applyBankAnswer) {
	}

	record RunResponse(String id, String fileName, LocalDate businessDate, String bank, long lines, long totalFen,
			long matched, long breaks, long openBreaks, long otherDayLines, String importedBy, OffsetDateTime importedAt,
			String supersededBy, OffsetDateTime supersededAt, String supersededReason) {

		static RunResponse of(ReconciliationRun r) {
			return new RunResponse(r.id().toString(), r.fileName(), r.businessDate(), r.bank(), r.lines(), r.total().fen(),
					r.matched(), r.breaks(), r.openBreaks(), r.otherDayLines(), r.importedBy(),
					Timestamps.forDisplay(r.importedAt()), r.supersededBy() == null ? null : r.supersededBy().toString(),
					Timestamps.forDisplay(r.supersededAt()), r.supersededReason());
		}
	}
}
