package com.settledesk.payout.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.settledesk.payout.PayoutSettled;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.StateConflictException;

/**
 * A payout (出款) from its hand-over to the bank to the bank's last word. Every change of status goes through
 * {@link #moveTo}, which allows only the moves {@link PayoutStatus#canMoveTo} names; the bank's word registers a
 * {@link PayoutSettled} event, published when the payout is saved.
 */
final class Payout {

	private final UUID id;
	private final MerchantId merchantId;
	private final String mode;
	private final Money gross;
	private final Money fee;
	private final Money amount;
	private final UUID destinationAccountId;
	private final String destinationMasked;
	private final String destinationName;
	private final String destinationFingerprint;
	private final String destinationCipher;
	private final Instant createdAt;
	private final long version;
	private PayoutStatus status;
	private int attempts;
	private Instant nextAttemptAt;
	private Instant submittedAt;
	private Instant paidAt;
	private Instant closedAt;
	private String bankReference;
	private String failureReason;
	private final List<PayoutSettled> events = new ArrayList<>();

	Payout(UUID id, MerchantId merchantId, String mode, Money gross, Money fee, Money amount, PayoutStatus status,
			UUID destinationAccountId, String destinationMasked, String destinationName, String destinationFingerprint,
			String destinationCipher, int attempts, Instant nextAttemptAt, Instant createdAt, Instant submittedAt,
			Instant paidAt, Instant closedAt, String bankReference, String failureReason, long version) {
		this.id = id;
		this.merchantId = merchantId;
		this.mode = mode;
		this.gross = gross;
		this.fee = fee;
		this.amount = amount;
		this.status = status;
		this.destinationAccountId = destinationAccountId;
		this.destinationMasked = destinationMasked;
		this.destinationName = destinationName;
		this.destinationFingerprint = destinationFingerprint;
		this.destinationCipher = destinationCipher;
		this.attempts = attempts;
		this.nextAttemptAt = nextAttemptAt;
		this.createdAt = createdAt;
		this.submittedAt = submittedAt;
		this.paidAt = paidAt;
		this.closedAt = closedAt;
		this.bankReference = bankReference;
		this.failureReason = failureReason;
		this.version = version;
	}

	/**
	 * Taken for an attempt at the bank: a new payout is handed over, one waiting for an answer is asked again; the
	 * next attempt waits {@code backoff} in case this one ends without a word.
	 */
	void claim(Instant now, Duration backoff) {
		if (status == PayoutStatus.CREATED) {
			moveTo(PayoutStatus.SUBMITTED);
			submittedAt = now;
		}
		else if (status != PayoutStatus.SUBMITTED && status != PayoutStatus.UNKNOWN) {
			throw notAllowed(PayoutStatus.SUBMITTED);
		}
		attempts++;
		nextAttemptAt = now.plus(backoff);
	}

	/** Asked for again at once (finance), instead of at the next back-off. */
	void askAgain(Instant now) {
		if (status != PayoutStatus.SUBMITTED && status != PayoutStatus.UNKNOWN) {
			throw new StateConflictException("PAYOUT_NOT_RETRYABLE",
					"Only a payout waiting for the bank's answer can be asked again");
		}
		nextAttemptAt = now;
	}

	/** The hand-over ended without a definite answer: nothing is assumed until the bank is asked. */
	void answerUncertain() {
		if (status == PayoutStatus.SUBMITTED) {
			moveTo(PayoutStatus.UNKNOWN);
		}
	}

	void paid(String reference, Instant now) {
		moveTo(PayoutStatus.PAID);
		paidAt = now;
		bankReference = reference;
		nextAttemptAt = null;
		events.add(new PayoutSettled(view(), false));
	}

	/** The bank did not pay (FAILED) or sent the money back (RETURNED); {@code merchantHeld}: one failure too many. */
	void moneyBack(PayoutStatus outcome, String reason, Instant now, boolean merchantHeld) {
		if (outcome != PayoutStatus.FAILED && outcome != PayoutStatus.RETURNED) {
			throw new IllegalArgumentException("Money comes back only from a failure or a return: " + outcome);
		}
		moveTo(outcome);
		failureReason = reason;
		closedAt = now;
		nextAttemptAt = null;
		events.add(new PayoutSettled(view(), merchantHeld));
	}

	/** Whether the payout's state allows this move now (the bank's answer taken by finance, for one). */
	boolean allows(PayoutStatus next) {
		return status.canMoveTo(next);
	}

	private void moveTo(PayoutStatus next) {
		if (!status.canMoveTo(next)) {
			throw notAllowed(next);
		}
		status = next;
	}

	private StateConflictException notAllowed(PayoutStatus next) {
		return new StateConflictException("PAYOUT_STATE_CONFLICT", "A " + status + " payout cannot become " + next);
	}

	List<PayoutSettled> takeEvents() {
		List<PayoutSettled> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	PayoutView view() {
		return new PayoutView(id, merchantId, mode, gross, fee, amount, status, destinationAccountId, destinationMasked,
				attempts, failureReason, createdAt, submittedAt, paidAt, closedAt);
	}

	UUID id() { return id; }
	MerchantId merchantId() { return merchantId; }
	Money gross() { return gross; }
	Money fee() { return fee; }
	Money amount() { return amount; }
	PayoutStatus status() { return status; }
	String destinationMasked() { return destinationMasked; }
	String destinationName() { return destinationName; }
	String destinationFingerprint() { return destinationFingerprint; }
	String destinationCipher() { return destinationCipher; }
	int attempts() { return attempts; }
	Instant nextAttemptAt() { return nextAttemptAt; }
	Instant submittedAt() { return submittedAt; }
	Instant paidAt() { return paidAt; }
	Instant closedAt() { return closedAt; }
	String bankReference() { return bankReference; }
	String failureReason() { return failureReason; }
	long version() { return version; }
}
