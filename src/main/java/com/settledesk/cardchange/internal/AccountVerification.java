package com.settledesk.cardchange.internal;

import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestSubmitted;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.verification.AccountVerifier;
import com.settledesk.verification.FourElements;
import com.settledesk.verification.VerificationOutcome;

/**
 * Runs the four-element check of a submitted personal account after commit, outside any transaction (the
 * provider takes its time), then stores the answer. A timeout leaves the check pending; the retry job asks
 * again with backoff, so no request is lost or stuck when the provider is down.
 */
@Component
class AccountVerification {

	private static final Logger log = LoggerFactory.getLogger(AccountVerification.class);

	private final ChangeRequestRepository requests;
	private final AccountVerifier verifier;
	private final SensitiveDataProtector protector;
	private final AuditLog audit;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final ReviewService reviews;

	AccountVerification(ChangeRequestRepository requests, AccountVerifier verifier, SensitiveDataProtector protector,
			AuditLog audit, Clock clock, TransactionTemplate transactions, ReviewService reviews) {
		this.reviews = reviews;
		this.requests = requests;
		this.verifier = verifier;
		this.protector = protector;
		this.audit = audit;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** Verifies a new account, then routes the request (risk, automatic approval) on what is known. */
	@ApplicationModuleListener
	void on(ChangeRequestSubmitted event) {
		ChangeRequestId id = new ChangeRequestId(event.requestId());
		verify(id, false);
		reviews.route(id);
	}

	@Scheduled(fixedDelayString = "${settledesk.verification.retry-interval:5s}",
			initialDelayString = "${settledesk.verification.retry-interval:5s}")
	void retryDue() {
		requests.verificationDue(clock.instant(), 20).forEach(id -> {
			if (verify(id, true)) {
				reviews.route(id);
			}
		});
	}

	/** Answers whether the provider gave a final answer. */
	private boolean verify(ChangeRequestId id, boolean onlyIfDue) {
		var request = requests.find(id).orElse(null);
		if (request == null || request.verificationStatus() != VerificationStatus.PENDING || !request.status().isOpen()
				|| (onlyIfDue && request.verificationNextAt().isAfter(clock.instant()))) {
			return false;
		}
		NewAccount account = request.account();
		VerificationOutcome outcome = verifier.verify(new FourElements(account.accountName(),
				protector.decrypt(EncryptedValue.fromStorage(account.holderIdCipher())),
				protector.decrypt(EncryptedValue.fromStorage(account.numberCipher())), account.reservedPhone()));
		VerificationStatus status = switch (outcome) {
			case MATCH -> VerificationStatus.MATCH;
			case MISMATCH -> VerificationStatus.MISMATCH;
			case CARD_CLOSED -> VerificationStatus.CARD_CLOSED;
			case TIMEOUT -> VerificationStatus.PENDING;
		};
		try {
			transactions.executeWithoutResult(tx -> {
				var current = requests.find(id).orElseThrow();
				current.recordVerification(status, clock.instant());
				requests.update(current);
				audit.record(AuditEvent.of("CARD_CHANGE_VERIFIED", "CARD_CHANGE_REQUEST", id.toString()).by("system")
					.after(Map.of("outcome", outcome.name(), "attempts", current.verificationAttempts())));
			});
		}
		catch (OptimisticLockingFailureException e) {
			log.info("Change request {} changed while it was being verified; the retry job will see it again", id);
			return false;
		}
		return status != VerificationStatus.PENDING;
	}
}
