package com.settledesk.cardchange.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.settledesk.cardchange.ChangeRequestCancelled;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestStatusChanged;
import com.settledesk.cardchange.ReviewState;
import com.settledesk.cardchange.Reviewer;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;
import com.settledesk.cardchange.ChangeRequestSubmitted;
import com.settledesk.cardchange.HistoryEntry;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;

/**
 * A settlement card change request (结算卡变更申请). Every change of state goes through a guarded method that
 * checks the transition, appends to the timeline and registers the event to publish.
 */
class ChangeRequest {

	/** The first check runs right after commit; the retry job steps in only if it has not answered by then. */
	static final Duration LISTENER_GRACE = Duration.ofMinutes(1);

	private final ChangeRequestId id;
	private final MerchantId merchantId;
	private ChangeRequestStatus status;
	private NewAccount account;
	private VerificationStatus verificationStatus;
	private int verificationAttempts;
	private Instant verificationNextAt;
	private final String stopCodeHash;
	private final String submittedBy;
	private final String submittedIp;
	private final Instant submittedAt;
	private String previousAccountMasked;
	private String infoRequest;
	private String rejectReason;
	private Instant effectiveAt;
	private Instant updatedAt;
	private ReviewState review;
	private final long version;
	private List<UUID> attachmentIds;
	private final List<HistoryEntry> history;
	private final int persistedHistory;
	private final List<Object> events = new ArrayList<>();

	ChangeRequest(ChangeRequestId id, MerchantId merchantId, ChangeRequestStatus status, NewAccount account,
			VerificationStatus verificationStatus, int verificationAttempts, Instant verificationNextAt,
			String stopCodeHash, String submittedBy, String submittedIp, Instant submittedAt,
			String previousAccountMasked, String infoRequest, String rejectReason, Instant effectiveAt,
			Instant updatedAt, ReviewState review, long version, List<UUID> attachmentIds, List<HistoryEntry> history) {
		this.id = id;
		this.merchantId = merchantId;
		this.status = status;
		this.account = account;
		this.verificationStatus = verificationStatus;
		this.verificationAttempts = verificationAttempts;
		this.verificationNextAt = verificationNextAt;
		this.stopCodeHash = stopCodeHash;
		this.submittedBy = submittedBy;
		this.submittedIp = submittedIp;
		this.submittedAt = submittedAt;
		this.previousAccountMasked = previousAccountMasked;
		this.infoRequest = infoRequest;
		this.rejectReason = rejectReason;
		this.effectiveAt = effectiveAt;
		this.updatedAt = updatedAt;
		this.review = review;
		this.version = version;
		this.attachmentIds = List.copyOf(attachmentIds);
		this.history = new ArrayList<>(history);
		this.persistedHistory = history.size();
	}

	/** A new request: submitted, then straight into the review queue while the account is verified. */
	static ChangeRequest submit(ChangeRequestId id, MerchantId merchantId, NewAccount account, List<UUID> attachmentIds,
			String previousAccountMasked, String stopCodeHash, String by, String ip, Instant now) {
		VerificationStatus verification = account.needsFourElementCheck() ? VerificationStatus.PENDING
				: VerificationStatus.NOT_APPLICABLE;
		ChangeRequest request = new ChangeRequest(id, merchantId, ChangeRequestStatus.SUBMITTED,
				account, verification, 0, verification == VerificationStatus.PENDING ? now.plus(LISTENER_GRACE) : null,
				stopCodeHash, by, ip,
				now, previousAccountMasked, null, null, null, now, ReviewState.NONE, 0, attachmentIds, List.of());
		request.history.add(new HistoryEntry(ChangeRequestStatus.SUBMITTED, now, by, null));
		request.moveTo(ChangeRequestStatus.PENDING_REVIEW, now, by, null);
		request.events.add(new ChangeRequestSubmitted(request.id.value(), merchantId.value(), false));
		return request;
	}

	void cancel(String by, Instant now, String note) {
		if (!status.isCancellable()) {
			throw new StateConflictException("CHANGE_NOT_CANCELLABLE", "The request can no longer be cancelled");
		}
		moveTo(ChangeRequestStatus.CANCELLED, now, by, note);
		events.add(new ChangeRequestCancelled(id.value(), merchantId.value(), by));
	}

	/** The reviewer asks for more materials or corrections (需补充材料). */
	void requestInformation(String by, String message, Instant now) {
		moveTo(ChangeRequestStatus.NEEDS_INFO, now, by, message);
		this.infoRequest = message;
	}

	/** The merchant answers a request for information; a new account is verified again. */
	void resubmit(NewAccount changedAccount, List<UUID> newAttachmentIds, String by, Instant now) {
		if (status != ChangeRequestStatus.NEEDS_INFO) {
			throw new StateConflictException("CHANGE_NOT_AWAITING_INFO", "Only a request awaiting information can be resubmitted");
		}
		boolean accountChanged = !changedAccount.fingerprint().equals(account.fingerprint())
				|| !changedAccount.sameHolderAs(account);
		this.account = changedAccount;
		this.attachmentIds = List.copyOf(newAttachmentIds);
		this.infoRequest = null;
		moveTo(ChangeRequestStatus.PENDING_REVIEW, now, by, null);
		if (accountChanged && changedAccount.needsFourElementCheck()) {
			verificationStatus = VerificationStatus.PENDING;
			verificationAttempts = 0;
			verificationNextAt = now.plus(LISTENER_GRACE);
			events.add(new ChangeRequestSubmitted(id.value(), merchantId.value(), true));
		}
	}

	/** Stores the provider's answer; a timeout keeps the check pending and schedules a retry with backoff. */
	void recordVerification(VerificationStatus outcome, Instant now) {
		if (verificationStatus != VerificationStatus.PENDING || !status.isOpen()) {
			return;
		}
		verificationAttempts++;
		if (outcome == VerificationStatus.PENDING) {
			verificationNextAt = now.plus(VerificationBackoff.after(verificationAttempts));
		}
		else {
			verificationStatus = outcome;
			verificationNextAt = null;
		}
		updatedAt = now;
	}

	void reject(String by, String reason, Instant now) {
		moveTo(ChangeRequestStatus.REJECTED, now, by, reason);
		this.rejectReason = reason;
		this.review = review.decided(now);
	}

	/** The risk level and its reasons; HIGH means four eyes. Reassessed as facts arrive (e.g. the verification). */
	void assessRisk(RiskLevel level, List<RiskSignal> reasons) {
		this.review = review.assessed(level, reasons);
	}

	/**
	 * A reviewer approves. With four eyes the first approval waits for a senior reviewer who is another
	 * person; the final approval schedules the switch after the cooling-off.
	 */
	void approve(Reviewer reviewer, String note, Instant now, Duration coolingOff) {
		if (verificationStatus == VerificationStatus.PENDING) {
			throw new StateConflictException("VERIFICATION_PENDING", "The account is still being verified");
		}
		if (status == ChangeRequestStatus.PENDING_SECOND_REVIEW) {
			if (!reviewer.senior()) {
				throw new ReviewerNotAllowedException("A second approval needs a senior reviewer");
			}
			if (reviewer.username().equals(review.firstReviewer())) {
				throw new StateConflictException("SECOND_REVIEWER_MUST_DIFFER", "The second reviewer must be another person");
			}
			review = review.secondReview(reviewer.username(), now);
			approveAndSchedule(reviewer.username(), note, now, coolingOff);
			return;
		}
		if (status != ChangeRequestStatus.PENDING_REVIEW) {
			throw new StateConflictException("CHANGE_STATE_CONFLICT", "A request in " + status + " cannot be approved");
		}
		review = review.firstReview(reviewer.username(), now);
		if (review.fourEyes()) {
			moveTo(ChangeRequestStatus.PENDING_SECOND_REVIEW, now, reviewer.username(), note);
			return;
		}
		approveAndSchedule(reviewer.username(), note, now, coolingOff);
	}

	/** LOW risk with a matching four-element check needs nobody; anything else waits for a person. */
	boolean approveAutomatically(Instant now, Duration coolingOff) {
		if (status != ChangeRequestStatus.PENDING_REVIEW || review.riskLevel() != RiskLevel.LOW
				|| verificationStatus != VerificationStatus.MATCH) {
			return false;
		}
		review = review.firstReview(Reviewer.SYSTEM.username(), now);
		approveAndSchedule(Reviewer.SYSTEM.username(), "auto-approved: low risk, verification matched", now, coolingOff);
		return true;
	}

	/** The cut-over moment: the new account has been bound. */
	void takeEffect(UUID newAccountId, Instant now) {
		moveTo(ChangeRequestStatus.EFFECTIVE, now, Reviewer.SYSTEM.username(), null);
		review = review.bound(newAccountId);
	}

	private void approveAndSchedule(String by, String note, Instant now, Duration coolingOff) {
		moveTo(ChangeRequestStatus.APPROVED, now, by, note);
		review = review.decided(now);
		effectiveAt = now.plus(coolingOff);
		moveTo(ChangeRequestStatus.SCHEDULED, now, Reviewer.SYSTEM.username(), null);
	}

	private void moveTo(ChangeRequestStatus next, Instant now, String by, String note) {
		if (!status.canMoveTo(next)) {
			throw new StateConflictException("CHANGE_STATE_CONFLICT",
					"A request in " + status + " cannot move to " + next);
		}
		status = next;
		updatedAt = now;
		history.add(new HistoryEntry(next, now, by, note));
		if (next != ChangeRequestStatus.SUBMITTED) {
			events.add(new ChangeRequestStatusChanged(id.value(), merchantId.value(), next, note));
		}
	}

	List<Object> pullEvents() {
		List<Object> pulled = List.copyOf(events);
		events.clear();
		return pulled;
	}

	List<HistoryEntry> newHistory() {
		return history.subList(persistedHistory, history.size());
	}

	ChangeRequestId id() { return id; }
	MerchantId merchantId() { return merchantId; }
	ChangeRequestStatus status() { return status; }
	NewAccount account() { return account; }
	VerificationStatus verificationStatus() { return verificationStatus; }
	int verificationAttempts() { return verificationAttempts; }
	Instant verificationNextAt() { return verificationNextAt; }
	String stopCodeHash() { return stopCodeHash; }
	String submittedBy() { return submittedBy; }
	String submittedIp() { return submittedIp; }
	Instant submittedAt() { return submittedAt; }
	String previousAccountMasked() { return previousAccountMasked; }
	String infoRequest() { return infoRequest; }
	String rejectReason() { return rejectReason; }
	Instant effectiveAt() { return effectiveAt; }
	Instant updatedAt() { return updatedAt; }
	ReviewState review() { return review; }
	long version() { return version; }
	List<UUID> attachmentIds() { return attachmentIds; }
	List<HistoryEntry> history() { return List.copyOf(history); }
}
