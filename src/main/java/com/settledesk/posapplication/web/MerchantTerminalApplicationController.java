package com.settledesk.posapplication.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.posapplication.ApplicationDraft;
import com.settledesk.posapplication.TerminalApplications;
import com.settledesk.shared.ResourceNotFoundException;

/** The owner's terminal applications (api-v1.md, "Terminals"). */
@RestController
@RequestMapping("/api/v1/merchant/terminal-applications")
class MerchantTerminalApplicationController {

	private final TerminalApplications applications;

	MerchantTerminalApplicationController(TerminalApplications applications) {
		this.applications = applications;
	}

	@PostMapping
	ResponseEntity<ApplicationResponse> apply(CurrentUser user, @RequestBody ApplicationDraft body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		var submission = applications.apply(user, body, idempotencyKey);
		return ResponseEntity.status(submission.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(ApplicationResponse.of(submission.application()));
	}

	@GetMapping
	List<ApplicationResponse> list(CurrentUser user) {
		return applications.ofMerchant(user.requireMerchant()).stream().map(ApplicationResponse::of).toList();
	}

	@GetMapping("/{id}")
	ApplicationResponse detail(CurrentUser user, @PathVariable String id) {
		return applications.find(user.requireMerchant(), parse(id)).map(ApplicationResponse::of)
			.orElseThrow(() -> new ResourceNotFoundException("Application"));
	}

	@PostMapping("/{id}/resubmit")
	ApplicationResponse resubmit(CurrentUser user, @PathVariable String id, @RequestBody ApplicationDraft body) {
		return ApplicationResponse.of(applications.resubmit(user, parse(id), body));
	}

	@PostMapping("/{id}/cancel")
	ApplicationResponse cancel(CurrentUser user, @PathVariable String id) {
		return ApplicationResponse.of(applications.cancel(user, parse(id)));
	}

	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Application");
		}
	}
}
