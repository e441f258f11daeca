package com.settledesk.console.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.attachment.Attachments;
import com.settledesk.cardchange.CardChangeReviews;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

/** The review queue and a request's detail page with the decisions (审核 / 复核). */
@Controller
class ReviewPagesController {

	private final CardChangeReviews reviews;
	private final Merchants merchants;
	private final SettlementAccounts accounts;
	private final Attachments attachments;
	private final Clock clock;

	ReviewPagesController(CardChangeReviews reviews, Merchants merchants, SettlementAccounts accounts,
			Attachments attachments, Clock clock) {
		this.reviews = reviews;
		this.merchants = merchants;
		this.accounts = accounts;
		this.attachments = attachments;
		this.clock = clock;
	}

	@GetMapping("/ops/card-changes")
	String queue(@RequestParam(required = false) ChangeRequestStatus status, @RequestParam(required = false) RiskLevel risk,
			@RequestParam(required = false) Integer olderThanHours, CurrentUser user, Model model) {
		List<ChangeRequestView> queue = reviews.queue(status == null ? List.of() : List.of(status), risk,
				olderThanHours == null ? null : Duration.ofHours(olderThanHours));
		model.addAttribute("user", user);
		Map<MerchantId, MerchantProfile> merchantsById = merchants.findAll(queue.stream().map(ChangeRequestView::merchantId)
			.toList());
		model.addAttribute("rows", queue.stream().map(r -> row(r, merchantsById.get(r.merchantId()))).toList());
		model.addAttribute("status", status);
		model.addAttribute("risk", risk);
		model.addAttribute("olderThanHours", olderThanHours);
		model.addAttribute("statuses", List.of(ChangeRequestStatus.PENDING_REVIEW, ChangeRequestStatus.PENDING_SECOND_REVIEW,
				ChangeRequestStatus.NEEDS_INFO, ChangeRequestStatus.SCHEDULED));
		return "console/card-changes";
	}

	@GetMapping("/ops/card-changes/{id}")
	String detail(@PathVariable UUID id, CurrentUser user, Model model) {
		ChangeRequestView request = reviews.find(new ChangeRequestId(id))
			.orElseThrow(() -> new ResourceNotFoundException("Change request"));
		model.addAttribute("user", user);
		model.addAttribute("request", request);
		MerchantProfile merchant = merchants.find(request.merchantId()).orElseThrow();
		model.addAttribute("row", row(request, merchant));
		model.addAttribute("merchant", merchant);
		model.addAttribute("current", accounts.active(request.merchantId()).orElse(null));
		model.addAttribute("materials", attachments.ownedBy(request.merchantId(), request.attachmentIds()));
		model.addAttribute("isReviewer", user.role() == Role.REVIEWER || user.role() == Role.SENIOR_REVIEWER);
		model.addAttribute("mayReveal", user.role() == Role.SENIOR_REVIEWER || user.role() == Role.ADMIN);
		return "console/card-change";
	}

	@PostMapping("/ops/card-changes/{id}/approve")
	String approve(@PathVariable UUID id, @RequestParam(required = false) String note, CurrentUser user,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> reviews.approve(user, new ChangeRequestId(id), note), "approved");
	}

	@PostMapping("/ops/card-changes/{id}/reject")
	String reject(@PathVariable UUID id, @RequestParam(required = false) String reason, CurrentUser user,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> reviews.reject(user, new ChangeRequestId(id), reason), "rejected");
	}

	@PostMapping("/ops/card-changes/{id}/request-info")
	String requestInfo(@PathVariable UUID id, @RequestParam(required = false) String message, CurrentUser user,
			RedirectAttributes redirect) {
		return decide(id, redirect, () -> reviews.requestInformation(user, new ChangeRequestId(id), message), "infoRequested");
	}

	@PostMapping("/ops/card-changes/{id}/reveal")
	String reveal(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "ACCOUNT_NUMBER") CardChangeReviews.RevealedField field, CurrentUser user,
			Model model, RedirectAttributes redirect) {
		try {
			String value = reviews.reveal(user, new ChangeRequestId(id), field, reason);
			detail(id, user, model);
			model.addAttribute("revealed", value);
			model.addAttribute("revealedField", field);
			return "console/card-change";
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("error", "console.review.revealReason");
			return "redirect:/ops/card-changes/" + id;
		}
	}

	@GetMapping("/ops/attachments/{id}")
	ResponseEntity<byte[]> attachment(@PathVariable UUID id, CurrentUser user) {
		var content = attachments.contentForReviewer(id, user.username()).orElseThrow(() -> new ResourceNotFoundException("Attachment"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.attachment().contentType()))
			.header("X-Content-Type-Options", "nosniff").body(content.bytes());
	}

	private String decide(UUID id, RedirectAttributes redirect, Runnable decision, String outcome) {
		try {
			decision.run();
			redirect.addFlashAttribute("done", "console.review.done." + outcome);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", "problem." + e.code() + ".detail");
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("error", "console.review.fieldRequired");
		}
		catch (org.springframework.dao.OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("error", "problem.CONCURRENT_CHANGE.detail");
		}
		return "redirect:/ops/card-changes/" + id;
	}

	/** A merchant missing from the directory still gets its row: the request is what the reviewer works on. */
	private QueueRow row(ChangeRequestView request, MerchantProfile merchant) {
		Duration age = Duration.between(request.submittedAt(), clock.instant());
		return new QueueRow(request, merchant == null ? "—" : merchant.merchantNo(), merchant == null ? "—" : merchant.name(),
				age.toHours(), age.toMinutesPart(),
				request.status().isOpen() && request.status() != ChangeRequestStatus.SCHEDULED
						&& age.compareTo(reviews.sla()) > 0);
	}

	record QueueRow(ChangeRequestView request, String merchantNo, String merchantName, long ageHours, int ageMinutes,
			boolean slaBreached) {
	}
}
