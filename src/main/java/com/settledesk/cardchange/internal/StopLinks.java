package com.settledesk.cardchange.internal;

import java.time.Clock;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.cardchange.ChangeRequestView;
import com.settledesk.secrets.SensitiveDataProtector;

/** The holder of the registered phone stops a change with the link in the notice, without logging in. */
@Service
public class StopLinks {

	static final String ACTOR = "registered-phone";

	private final ChangeRequestRepository requests;
	private final SensitiveDataProtector protector;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;
	private final TransactionTemplate transactions;

	StopLinks(ChangeRequestRepository requests, SensitiveDataProtector protector, AuditLog audit,
			ApplicationEventPublisher events, Clock clock, TransactionTemplate transactions) {
		this.transactions = transactions;
		this.requests = requests;
		this.protector = protector;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<ChangeRequestView> find(String code) {
		return lookup(code).map(ChangeRequestViews::of);
	}

	/** Cancels the request if it is still open; answers what it looks like afterwards. */
	public Optional<ChangeRequestView> stop(String code) {
		return ConflictRetry.onConflict(() -> transactions.execute(tx -> lookup(code).map(request -> {
			if (request.status().isCancellable()) {
				request.cancel(ACTOR, clock.instant(), "stopped from the registered phone");
				requests.update(request);
				request.pullEvents().forEach(events::publishEvent);
				audit.record(AuditEvent.of("CARD_CHANGE_STOPPED_BY_PHONE", "CARD_CHANGE_REQUEST", request.id().toString())
					.by(ACTOR));
			}
			return ChangeRequestViews.of(request);
		})));
	}

	private Optional<ChangeRequest> lookup(String code) {
		if (code == null || !code.matches("[0-9a-f]{20}")) {
			return Optional.empty();
		}
		return requests.findByStopCode(protector.fingerprint(code));
	}
}
