package com.settledesk.cardchange;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.settledesk.identity.CurrentUser;

/** The operator side of a change: the review queue and the decisions (审核 / 复核). */
public interface CardChangeReviews {

	/** Open requests awaiting a decision, oldest first, filtered by status, risk and minimum age. */
	List<ChangeRequestView> queue(List<ChangeRequestStatus> statuses, RiskLevel risk, Duration olderThan);

	Optional<ChangeRequestView> find(ChangeRequestId id);

	ChangeRequestView approve(CurrentUser reviewer, ChangeRequestId id, String note);

	ChangeRequestView reject(CurrentUser reviewer, ChangeRequestId id, String reason);

	ChangeRequestView requestInformation(CurrentUser reviewer, ChangeRequestId id, String message);

	/** The full account or ID number, for an operator allowed to see it, with a reason; audited. */
	String reveal(CurrentUser operator, ChangeRequestId id, RevealedField field, String reason);

	/** How long a request may wait for a decision before it counts as late. */
	Duration sla();

	/** How long after the final approval a change takes effect (it can still be stopped until then). */
	Duration coolingOff();

	enum RevealedField {
		ACCOUNT_NUMBER, HOLDER_ID_NUMBER
	}
}
