package com.settledesk.cardchange.web;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.cardchange.CardChangeReviews;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

/** The review API (api-v1.md, "Operations"): queue, detail and decisions on settlement card changes. */
@RestController
@RequestMapping("/api/v1/ops/settlement-card/change-requests")
class OpsChangeRequestController {

	private final CardChangeReviews reviews;
	private final Merchants merchants;

	OpsChangeRequestController(CardChangeReviews reviews, Merchants merchants) {
		this.reviews = reviews;
		this.merchants = merchants;
	}

	@GetMapping
	List<ReviewResponse> queue(@RequestParam(required = false) List<String> status,
			@RequestParam(required = false) String risk, @RequestParam(required = false) Integer olderThanHours) {
		List<ChangeRequestStatus> statuses = status == null ? List.of()
				: status.stream().flatMap(s -> List.of(s.split(",")).stream()).map(s -> parse(ChangeRequestStatus.class, "status", s)).toList();
		RiskLevel level = risk == null ? null : parse(RiskLevel.class, "risk", risk);
		Duration olderThan = olderThanHours == null ? null : Duration.ofHours(olderThanHours);
		List<ChangeRequestView> queue = reviews.queue(statuses, level, olderThan);
		var merchantsById = merchants.findAll(queue.stream().map(ChangeRequestView::merchantId).toList());
		return queue.stream().map(v -> response(v, merchantsById.get(v.merchantId()))).toList();
	}

	@GetMapping("/{id}")
	ReviewResponse detail(@PathVariable String id) {
		return response(reviews.find(parseId(id)).orElseThrow(() -> new ResourceNotFoundException("Change request")));
	}

	@PostMapping("/{id}/approve")
	ReviewResponse approve(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Decision body) {
		return response(reviews.approve(user, parseId(id), body == null ? null : body.note()));
	}

	@PostMapping("/{id}/reject")
	ReviewResponse reject(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Decision body) {
		return response(reviews.reject(user, parseId(id), body == null ? null : body.reason()));
	}

	@PostMapping("/{id}/request-info")
	ReviewResponse requestInfo(CurrentUser user, @PathVariable String id, @RequestBody(required = false) Decision body) {
		return response(reviews.requestInformation(user, parseId(id), body == null ? null : body.message()));
	}

	@PostMapping("/{id}/reveal")
	RevealResponse reveal(CurrentUser user, @PathVariable String id, @RequestBody RevealRequest body) {
		var field = body.field() == null ? CardChangeReviews.RevealedField.ACCOUNT_NUMBER
				: parse(CardChangeReviews.RevealedField.class, "field", body.field());
		return new RevealResponse(field.name(), reviews.reveal(user, parseId(id), field, body.reason()));
	}

	private ReviewResponse response(ChangeRequestView v) {
		return response(v, merchants.find(v.merchantId()).orElse(null));
	}

	private static ReviewResponse response(ChangeRequestView v, MerchantProfile merchant) {
		var review = v.review();
		return new ReviewResponse(v.id().toString(), v.status(), merchant == null ? null : merchant.merchantNo(),
				merchant == null ? null : merchant.name(), v.accountType(),
				v.accountNumberMasked(), v.accountName(), v.bankName(), v.binKnown(), v.holderIdMasked(),
				v.holderIsLegalRepresentative(), v.previousAccountMasked(), v.verificationStatus(), review.riskLevel(),
				review.riskReasons(), review.fourEyes(), review.firstReviewer(), Timestamps.forDisplay(review.firstReviewedAt()),
				review.secondReviewer(), Timestamps.forDisplay(review.secondReviewedAt()), v.submittedBy(), v.submittedIp(),
				Timestamps.forDisplay(v.submittedAt()), v.infoRequest(), v.rejectReason(), Timestamps.forDisplay(v.effectiveAt()),
				v.attachmentIds().stream().map(UUID::toString).toList(),
				v.history().stream().map(h -> new ChangeRequestController.HistoryResponse(h.status(),
						Timestamps.forDisplay(h.at()), h.note())).toList());
	}

	private static ChangeRequestId parseId(String id) {
		try {
			return new ChangeRequestId(UUID.fromString(id));
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Change request");
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		try {
			return Enum.valueOf(type, value.trim());
		}
		catch (IllegalArgumentException e) {
			throw new ValidationFailedException(new FieldViolation(field, "INVALID"));
		}
	}

	record Decision(String note, String reason, String message) {
	}

	record RevealRequest(String field, String reason) {
	}

	record RevealResponse(String field, String value) {
	}

	record ReviewResponse(String id, ChangeRequestStatus status, String merchantNo, String merchantName,
			AccountType accountType, String accountNumberMasked, String accountName, String bankName, boolean bankKnown,
			String holderIdMasked, boolean holderIsLegalRepresentative, String previousAccountMasked,
			VerificationStatus verificationStatus, RiskLevel riskLevel, List<RiskSignal> riskReasons, boolean fourEyes,
			String firstReviewer, OffsetDateTime firstReviewedAt, String secondReviewer, OffsetDateTime secondReviewedAt,
			String submittedBy, String submittedIp, OffsetDateTime submittedAt, String infoRequest, String rejectReason,
			OffsetDateTime effectiveAt, List<String> attachmentIds,
			List<ChangeRequestController.HistoryResponse> history) {
	}
}
