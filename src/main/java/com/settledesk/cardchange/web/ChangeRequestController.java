package com.settledesk.cardchange.web;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeDraft;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.identity.CurrentUser;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalSecurity;

/** The merchant API of settlement card changes (api-v1.md, "Merchant"). */
@RestController
@RequestMapping("/api/v1/merchant")
class ChangeRequestController {

	private final CardChanges cardChanges;
	private final TerminalSecurity terminalSecurity;

	ChangeRequestController(CardChanges cardChanges, TerminalSecurity terminalSecurity) {
		this.cardChanges = cardChanges;
		this.terminalSecurity = terminalSecurity;
	}

	@PostMapping("/otp")
	ResponseEntity<Void> sendCode(CurrentUser user, @RequestBody OtpRequest body) {
		if ("TERMINAL_REPORT_LOST".equals(body.purpose())) {
			terminalSecurity.sendReportLostCode(user);
		}
		else if ("SETTLEMENT_CARD_CHANGE".equals(body.purpose())) {
			cardChanges.sendCode(user);
		}
		else {
			throw new ValidationFailedException(new FieldViolation("purpose", body.purpose() == null ? "REQUIRED" : "INVALID"));
		}
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/settlement-card/change-requests")
	ResponseEntity<RequestResponse> submit(CurrentUser user, @RequestBody SubmitRequest body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey, HttpServletRequest http) {
		var submission = cardChanges.submit(user, body.toDraft(), body.otp(), http.getRemoteAddr(), idempotencyKey);
		return ResponseEntity.status(HttpStatus.CREATED).body(RequestResponse.of(submission.request()));
	}

	@GetMapping("/settlement-card/change-requests")
	List<RequestResponse> list(CurrentUser user) {
		return cardChanges.ofMerchant(user.requireMerchant()).stream().map(RequestResponse::of).toList();
	}

	@GetMapping("/settlement-card/change-requests/{id}")
	RequestResponse detail(CurrentUser user, @PathVariable String id) {
		return cardChanges.find(user.requireMerchant(), parseId(id)).map(RequestResponse::of)
			.orElseThrow(() -> new ResourceNotFoundException("Change request"));
	}

	@PostMapping("/settlement-card/change-requests/{id}/cancel")
	RequestResponse cancel(CurrentUser user, @PathVariable String id) {
		return RequestResponse.of(cardChanges.cancel(user, parseId(id)));
	}

	@PostMapping("/settlement-card/change-requests/{id}/resubmit")
	RequestResponse resubmit(CurrentUser user, @PathVariable String id, @RequestBody SubmitRequest body) {
		return RequestResponse.of(cardChanges.resubmit(user, parseId(id), body.toDraft(), body.otp()));
	}

	private static ChangeRequestId parseId(String id) {
		try {
			return new ChangeRequestId(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Change request");
		}
	}

	record OtpRequest(String purpose) {
	}

	record SubmitRequest(String accountType, String accountNumber, String accountName, String holderIdNumber,
			String reservedPhone, String bankBranch, String cnapsCode, String otp, List<String> attachmentIds) {

		ChangeDraft toDraft() {
			AccountType type = null;
			if (accountType != null) {
				try {
					type = AccountType.valueOf(accountType);
				}
				catch (IllegalArgumentException e) {
					throw new ValidationFailedException(new FieldViolation("accountType", "INVALID"));
				}
			}
			List<UUID> attachments = new ArrayList<>();
			for (String attachmentId : attachmentIds == null ? List.<String>of() : attachmentIds) {
				try {
					attachments.add(UUID.fromString(attachmentId));
				}
				catch (IllegalArgumentException | NullPointerException e) {
					throw new ValidationFailedException(new FieldViolation("attachmentIds", "ATTACHMENT_NOT_FOUND"));
				}
			}
			return new ChangeDraft(type, accountNumber, accountName, holderIdNumber, reservedPhone, bankBranch, cnapsCode,
					attachments);
		}

		@Override
		public String toString() {
			return "SubmitRequest[type=" + accountType + ", account=" + Masking.maskSensitiveNumbers(accountNumber) + "]";
		}
	}

	record HistoryResponse(ChangeRequestStatus status, OffsetDateTime at, String note) {
	}

	record RequestResponse(String id, ChangeRequestStatus status, AccountType accountType, String accountNumberMasked,
			String accountName, String bankCode, String bankName, String bankBranch, String holderIdMasked, RiskLevel riskLevel,
			String previousAccountMasked, VerificationStatus verificationStatus, String infoRequest, String rejectReason,
			OffsetDateTime submittedAt, OffsetDateTime effectiveAt, List<String> attachmentIds,
			List<HistoryResponse> history) {

		static RequestResponse of(ChangeRequestView v) {
			return new RequestResponse(v.id().toString(), v.status(), v.accountType(), v.accountNumberMasked(),
					v.accountName(), v.bankCode(), v.bankName(), v.bankBranch(), v.holderIdMasked(), v.review().riskLevel(),
					v.previousAccountMasked(), v.verificationStatus(), v.infoRequest(), v.rejectReason(),
					Timestamps.forDisplay(v.submittedAt()), Timestamps.forDisplay(v.effectiveAt()),
					v.attachmentIds().stream().map(UUID::toString).toList(),
					v.history().stream().map(h -> new HistoryResponse(h.status(), Timestamps.forDisplay(h.at()), h.note()))
						.toList());
		}
	}
}
