package com.settledesk.cardchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.cardchange.CardChangeReviews;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.cardchange.Reviewer;
import com.settledesk.cardchange.RiskLevel;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.settlementaccount.ProtectedAccount;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.Terminals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Review, routing and cut-over. Decisions run on the aggregate under optimistic locking (two decisions on
 * one request: the second is a 409). The cut-over binds the new account, unbinds the old, re-binds the
 * terminals and marks the request effective in one transaction; several instances may run the job, each
 * request is claimed with FOR UPDATE SKIP LOCKED.
 */
@Service
@EnableConfigurationProperties(ReviewProperties.class)
class ReviewService implements CardChangeReviews {

	private static final List<ChangeRequestStatus> AWAITING = List.of(ChangeRequestStatus.PENDING_REVIEW,
			ChangeRequestStatus.PENDING_SECOND_REVIEW, ChangeRequestStatus.NEEDS_INFO);

	private final ChangeRequestRepository requests;
	private final RiskAssessor risk;
	private final ReviewProperties properties;
	private final SettlementAccounts accounts;
	private final Terminals terminals;
	private final SensitiveDataProtector protector;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transactions;
	private final MeterRegistry meters;

	ReviewService(ChangeRequestRepository requests, RiskAssessor risk, ReviewProperties properties,
			SettlementAccounts accounts, Terminals terminals, SensitiveDataProtector protector, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions, MeterRegistry meters) {
		this.requests = requests;
		this.risk = risk;
		this.properties = properties;
		this.accounts = accounts;
		this.terminals = terminals;
		this.protector = protector;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.transactions = transactions;
		this.meters = meters;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ChangeRequestView> queue(List<ChangeRequestStatus> statuses, RiskLevel riskLevel, Duration olderThan) {
		Instant before = olderThan == null ? null : clock.instant().minus(olderThan);
		return requests.queue(statuses == null || statuses.isEmpty() ? AWAITING : statuses, riskLevel, before, 200).stream()
			.map(ChangeRequestViews::of).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ChangeRequestView> find(ChangeRequestId id) {
		return requests.find(id).map(ChangeRequestViews::of);
	}

	@Override
	public ChangeRequestView approve(CurrentUser user, ChangeRequestId id, String note) {
		Reviewer reviewer = reviewer(user);
		String approvalNote = blankToNull(note);
		decide(id, "CARD_CHANGE_APPROVED", user, Map.of("note", String.valueOf(approvalNote)), request -> {
			request.approve(reviewer, approvalNote, clock.instant(), properties.coolingOff());
			if (request.status() == ChangeRequestStatus.SCHEDULED) {
				recordDecisionTime(request, "approved");
			}
		});
		return find(id).orElseThrow();
	}

	@Override
	public ChangeRequestView reject(CurrentUser user, ChangeRequestId id, String reason) {
		reviewer(user);
		String why = required("reason", reason);
		decide(id, "CARD_CHANGE_REJECTED", user, Map.of("reason", why), request -> {
			request.reject(user.username(), why, clock.instant());
			recordDecisionTime(request, "rejected");
		});
		return find(id).orElseThrow();
	}

	@Override
	public ChangeRequestView requestInformation(CurrentUser user, ChangeRequestId id, String message) {
		reviewer(user);
		String what = required("message", message);
		decide(id, "CARD_CHANGE_INFO_REQUESTED", user, Map.of("message", what),
				request -> request.requestInformation(user.username(), what, clock.instant()));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public String reveal(CurrentUser user, ChangeRequestId id, RevealedField field, String reason) {
		if (user.role() != Role.SENIOR_REVIEWER && user.role() != Role.ADMIN) {
			throw new AccessDeniedException("Seeing a full number is a permission of its own");
		}
		String why = required("reason", reason, MAX_REVEAL_REASON);
		ChangeRequest request = load(id);
		String cipher = field == RevealedField.ACCOUNT_NUMBER ? request.account().numberCipher()
				: request.account().holderIdCipher();
		if (cipher == null) {
			throw new ResourceNotFoundException("Number");
		}
		audit.record(AuditEvent.of("FULL_NUMBER_REVEALED", "CARD_CHANGE_REQUEST", id.toString()).by(user.username())
			.after(Map.of("field", field.name(), "reason", why)));
		return protector.decrypt(EncryptedValue.fromStorage(cipher));
	}

	@Override
	public Duration sla() {
		return properties.sla();
	}

	@Override
	public Duration coolingOff() {
		return properties.coolingOff();
	}

	/** Assesses the risk again and approves automatically when the request qualifies. */
	void route(ChangeRequestId id) {
		ConflictRetry.onConflict(() -> transactions.execute(tx -> {
			ChangeRequest request = load(id);
			if (!request.status().isOpen()) {
				return request;
			}
			RiskAssessor.Assessment assessment = risk.assess(request);
			request.assessRisk(assessment.level(), assessment.reasons());
			boolean auto = properties.autoApproveLowRisk()
					&& request.approveAutomatically(clock.instant(), properties.coolingOff());
			requests.update(request);
			request.pullEvents().forEach(events::publishEvent);
			audit.record(AuditEvent.of(auto ? "CARD_CHANGE_AUTO_APPROVED" : "CARD_CHANGE_RISK_ASSESSED",
					"CARD_CHANGE_REQUEST", id.toString()).by("system")
				.after(Map.of("riskLevel", assessment.level().name(), "reasons", assessment.reasons().toString())));
			if (auto) {
				recordDecisionTime(request, "auto-approved");
			}
			return request;
		}));
	}

	/** Switches every request whose cooling-off has ended, one transaction each. */
	@Scheduled(fixedDelayString = "${settledesk.review.cutover-interval:1s}")
	void cutOverDue() {
		for (int i = 0; i < 100; i++) {
			Boolean switched = transactions.execute(tx -> requests.claimDueCutOver(clock.instant()).map(id -> {
				cutOver(load(id));
				return true;
			}).orElse(false));
			if (!Boolean.TRUE.equals(switched)) {
				return;
			}
		}
	}

	private void cutOver(ChangeRequest request) {
		NewAccount a = request.account();
		var bound = accounts.switchTo(request.merchantId(), new ProtectedAccount(a.type(), a.accountName(), a.numberCipher(),
				a.fingerprint(), a.masked(), a.bankCode(), a.bankName(), a.bankBranch(), a.cnapsCode(), a.holderIdCipher(),
				a.reservedPhone()), "settlement card change " + request.id());
		int rebound = terminals.rebindSettlementAccount(request.merchantId(), bound.id(), "settlement card change");
		request.takeEffect(bound.id().value(), clock.instant());
		requests.update(request);
		request.pullEvents().forEach(events::publishEvent);
		audit.record(AuditEvent.of("CARD_CHANGE_EFFECTIVE", "CARD_CHANGE_REQUEST", request.id().toString()).by("system")
			.after(Map.of("account", a.masked(), "settlementAccountId", bound.id().toString(), "terminals", rebound)));
	}

	private void decide(ChangeRequestId id, String action, CurrentUser user, Map<String, ?> details,
			java.util.function.Consumer<ChangeRequest> decision) {
		transactions.executeWithoutResult(tx -> {
			ChangeRequest request = load(id);
			ChangeRequestStatus before = request.status();
			decision.accept(request);
			requests.update(request);
			request.pullEvents().forEach(events::publishEvent);
			audit.record(AuditEvent.of(action, "CARD_CHANGE_REQUEST", id.toString()).by(user.username())
				.before(Map.of("status", before.name())).after(Map.of("status", request.status().name(), "details", details)));
		});
	}

	private void recordDecisionTime(ChangeRequest request, String outcome) {
		Timer.builder("settledesk.cardchange.decision.time")
			.description("Time from submission to the final decision of a settlement card change")
			.tag("outcome", outcome)
			.register(meters)
			.record(Duration.between(request.submittedAt(), clock.instant()));
	}

	private ChangeRequest load(ChangeRequestId id) {
		return requests.find(id).orElseThrow(() -> new ResourceNotFoundException("Change request"));
	}

	private static Reviewer reviewer(CurrentUser user) {
		if (user.role() != Role.REVIEWER && user.role() != Role.SENIOR_REVIEWER) {
			throw new AccessDeniedException("Only reviewers decide on changes");
		}
		return new Reviewer(user.username(), user.role() == Role.SENIOR_REVIEWER);
	}

	/** Notes, reasons and messages fit the history's note column (1,000 characters). */
	private static final int MAX_TEXT = 1000;
	/** A reveal reason is stored with the reveal record (100 characters). */
	private static final int MAX_REVEAL_REASON = 100;

	private static String required(String field, String value) {
		return required(field, value, MAX_TEXT);
	}

	private static String required(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			throw new ValidationFailedException(new FieldViolation(field, "REQUIRED"));
		}
		if (value.trim().length() > max) {
			throw new ValidationFailedException(new FieldViolation(field, "TOO_LONG"));
		}
		return value.trim();
	}

	private static String blankToNull(String value) {
		if (value != null && value.trim().length() > MAX_TEXT) {
			throw new ValidationFailedException(new FieldViolation("note", "TOO_LONG"));
		}
		return value == null || value.isBlank() ? null : value.trim();
	}
}
