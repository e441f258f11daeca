package com.settledesk.console.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.identity.CurrentUser;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.merchant.Merchants;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.payout.ReconciliationBreak;
import com.settledesk.payout.ReconciliationRun;
import com.settledesk.payout.ReconciliationUpload;
import com.settledesk.payout.Reconciliations;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.statement.FeeDisputes;

/**
 * Finance's reconciliation pages: fetch the bank's file for a day or upload one, watch the import's progress,
 * then work through the breaks; and the fee disputes merchants raised.
 */
@Controller
@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
class ReconciliationPagesController {

	private final Reconciliations reconciliations;
	private final FeeDisputes disputes;
	private final BackgroundJobs jobs;
	private final Clock clock;

	private final Payouts payouts;
	private final Merchants merchants;

	ReconciliationPagesController(Reconciliations reconciliations, FeeDisputes disputes, BackgroundJobs jobs,
			Clock clock, Payouts payouts, Merchants merchants) {
		this.payouts = payouts;
		this.merchants = merchants;
		this.reconciliations = reconciliations;
		this.disputes = disputes;
		this.jobs = jobs;
		this.clock = clock;
	}

	@GetMapping("/ops/reconciliation")
	String page(Model model) {
		List<ReconciliationRun> runs = reconciliations.runs(30);
		List<ReconciliationUpload> uploads = reconciliations.uploads(8);
		model.addAttribute("runs", runs);
		model.addAttribute("uploads", uploads);
		// The result of the newest file accepted, which a refused one after it must not seem to be.
		model.addAttribute("latestRun", uploads.stream().filter(ReconciliationUpload::accepted).findFirst()
			.map(u -> runs.stream().filter(r -> r.id().equals(u.runId())).findFirst()
				.orElseGet(() -> reconciliations.run(u.runId())))
			.orElse(runs.isEmpty() ? null : runs.get(0)));
		model.addAttribute("yesterday", LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).minusDays(1));
		model.addAttribute("disputes", disputes.open(100));
		return "console/reconciliation";
	}

	@PostMapping("/ops/reconciliation/bank-files")
	String fetch(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, CurrentUser user,
			Model model) {
		try {
			return job(reconciliations.importBankFile(date, user.username(), null).jobId(), user, model);
		}
		catch (ValidationFailedException e) {
			return "console/reconciliation :: date-invalid";
		}
	}

	/** With "replace" ticked the file replaces the day's accepted one, and a reason is required. */
	@PostMapping("/ops/reconciliation/files")
	String upload(@RequestParam MultipartFile file, @RequestParam(defaultValue = "false") boolean replace,
			@RequestParam(defaultValue = "") String reason, CurrentUser user, Model model) throws IOException {
		if (replace && reason.isBlank()) {
			return "console/reconciliation :: reason-invalid";
		}
		try {
			return job(reconciliations.importFile(file.getOriginalFilename() == null ? "result.txt"
					: file.getOriginalFilename(), file.getInputStream(), user.username(), replace ? reason : null).jobId(),
					user, model);
		}
		catch (ValidationFailedException e) {
			return "console/reconciliation :: reason-invalid";
		}
	}

	/** Breaks, the most severe first, each with the merchant its payout belongs to. */
	@GetMapping("/ops/reconciliation/runs/{id}")
	String run(@PathVariable UUID id, Model model) {
		List<ReconciliationBreak> breaks = reconciliations.breaks(id);
		Map<UUID, PayoutView> payoutsById = payouts.byIds(breaks.stream().map(ReconciliationBreak::payoutId)
			.filter(java.util.Objects::nonNull).toList());
		Map<UUID, String> merchantOf = new HashMap<>();
		payoutsById.forEach((payoutId, payout) -> merchants.find(payout.merchantId())
			.ifPresent(m -> merchantOf.put(payoutId, m.name() + " · " + m.merchantNo())));
		model.addAttribute("run", reconciliations.run(id));
		model.addAttribute("breaks", breaks);
		model.addAttribute("merchantOf", merchantOf);
		return "console/reconciliation-run";
	}

	@GetMapping("/ops/reconciliation/runs/{id}/breaks.csv")
	ResponseEntity<StreamingResponseBody> export(@PathVariable UUID id) {
		reconciliations.run(id);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"breaks-" + id + ".csv\"")
			.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
			.body(out -> reconciliations.exportBreaks(id, out));
	}

	@PostMapping("/ops/reconciliation/breaks/{id}")
	String resolve(@PathVariable long id, @RequestParam UUID run, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "false") boolean applyBankAnswer, CurrentUser user, RedirectAttributes redirect) {
		try {
			reconciliations.resolve(id, note, applyBankAnswer, user.username());
			redirect.addFlashAttribute("done", "console.recon.resolved");
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("error", "console.recon.noteRequired");
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", "problem." + e.code() + ".detail");
		}
		return "redirect:/ops/reconciliation/runs/" + run;
	}

	@PostMapping("/ops/fee-disputes/{id}")
	String answer(@PathVariable UUID id, @RequestParam(defaultValue = "") String resolution, CurrentUser user,
			RedirectAttributes redirect) {
		try {
			disputes.resolve(id, resolution, user.username());
			redirect.addFlashAttribute("done", "console.disputes.answered");
		}
		catch (ValidationFailedException | StateConflictException e) {
			redirect.addFlashAttribute("error", "console.recon.noteRequired");
		}
		return "redirect:/ops/reconciliation";
	}

	private String job(UUID id, CurrentUser user, Model model) {
		model.addAttribute("job", jobs.find(id, user.username()).orElseThrow());
		return "jobs/progress :: job";
	}
}
