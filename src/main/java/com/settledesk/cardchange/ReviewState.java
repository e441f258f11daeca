package com.settledesk.cardchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Risk and review of a request: level and reasons, whether four eyes are needed, maker and checker with
 * both timestamps, when it was decided and which account it bound.
 */
public record ReviewState(RiskLevel riskLevel, List<RiskSignal> riskReasons, boolean fourEyes, String firstReviewer,
		Instant firstReviewedAt, String secondReviewer, Instant secondReviewedAt, Instant decidedAt, UUID newAccountId) {

	public static final ReviewState NONE = new ReviewState(null, List.of(), false, null, null, null, null, null, null);

	public ReviewState {
		riskReasons = riskReasons == null ? List.of() : List.copyOf(riskReasons);
	}

	public ReviewState assessed(RiskLevel level, List<RiskSignal> reasons) {
		return new ReviewState(level, reasons, level == RiskLevel.HIGH, firstReviewer, firstReviewedAt, secondReviewer,
				secondReviewedAt, decidedAt, newAccountId);
	}

	public ReviewState firstReview(String reviewer, Instant at) {
		return new ReviewState(riskLevel, riskReasons, fourEyes, reviewer, at, secondReviewer, secondReviewedAt, decidedAt,
				newAccountId);
	}

	public ReviewState secondReview(String reviewer, Instant at) {
		return new ReviewState(riskLevel, riskReasons, fourEyes, firstReviewer, firstReviewedAt, reviewer, at, decidedAt,
				newAccountId);
	}

	public ReviewState decided(Instant at) {
		return new ReviewState(riskLevel, riskReasons, fourEyes, firstReviewer, firstReviewedAt, secondReviewer,
				secondReviewedAt, at, newAccountId);
	}

	public ReviewState bound(UUID accountId) {
		return new ReviewState(riskLevel, riskReasons, fourEyes, firstReviewer, firstReviewedAt, secondReviewer,
				secondReviewedAt, decidedAt, accountId);
	}
}
