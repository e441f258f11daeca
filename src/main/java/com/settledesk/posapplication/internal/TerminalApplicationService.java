package com.settledesk.posapplication.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.posapplication.ApplicationDraft;
import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.Carrier;
import com.settledesk.posapplication.RiskSignal;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.posapplication.TerminalApplications;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.RequestHash;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.FreeText;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalStock;
import com.settledesk.terminal.Terminals;

@Service
class TerminalApplicationService implements TerminalApplications {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final int MAX_OPEN_APPLICATIONS = 3;
	private static final int MAX_KEY = 100;
	private static final int MAX_TEXT = 1000;

	private final TerminalApplicationRepository applications;
	private final Terminals terminals;
	private final TerminalStock stock;
	private final Merchants merchants;
	private final SettlementAccounts accounts;
	private final ApplicationRisk risk;
	private final TerminalCharges charges;
	private final ApplicationNotices notices;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TerminalApplicationService(TerminalApplicationRepository applications, Terminals terminals, TerminalStock stock,
			Merchants merchants, SettlementAccounts accounts, ApplicationRisk risk, TerminalCharges charges,
			ApplicationNotices notices, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.terminals = terminals;
		this.stock = stock;
		this.merchants = merchants;
		this.accounts = accounts;
		this.risk = risk;
		this.charges = charges;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Submission apply(CurrentUser owner, ApplicationDraft draft, String idempotencyKey) {
		requireOwner(owner);
		MerchantProfile merchant = merchant(owner.requireMerchant());
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
			throw new ValidationFailedException(new FieldViolation("Idempotency-Key", "INVALID_LENGTH"));
		}
		// One merchant's applications are taken one at a time: the idempotency check and the open count hold.
		applications.lockMerchant(merchant.id());
		String hash = requestHash(draft);
		if (idempotencyKey != null) {
			var earlier = applications.byIdempotencyKey(merchant.id(), idempotencyKey);
			if (earlier.isPresent()) {
				if (!earlier.get().requestHash().equals(hash)) {
					throw new ValidationFailedException(new FieldViolation("Idempotency-Key", "IDEMPOTENCY_KEY_REUSED"));
				}
				return new Submission(applications.find(earlier.get().id()).orElseThrow(), true);
			}
		}
		ValidDraft valid = ValidDraft.of(draft, terminals.model(draft.modelCode()).orElse(null), merchant.businessAddress());
		if (applications.countOpen(merchant.id()) >= MAX_OPEN_APPLICATIONS) {
			throw new StateConflictException("TOO_MANY_OPEN_APPLICATIONS", "Wait for the open applications first");
		}
		Instant now = clock.instant();
		TerminalApplication application = TerminalApplication.submit(UUID.randomUUID(),
				applications.nextNumber(LocalDate.ofInstant(now, SHANGHAI)), merchant.id(), valid, owner.username(), now);
		applications.insert(application, owner.username(), now, idempotencyKey, hash);
		application.events().forEach(events::publishEvent);
		notices.statusChanged(applications.find(application.id).orElseThrow());
		audit.record(AuditEvent.of("TERMINAL_APPLICATION_SUBMITTED", "TERMINAL_APPLICATION", application.number)
			.by(owner.username()).after(Map.of("model", valid.model().code(), "quantity", valid.quantity(),
					"installationAddress", valid.installationAddress())));
		return new Submission(applications.find(application.id).orElseThrow(), false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalApplicationView> ofMerchant(MerchantId merchantId) {
		return applications.ofMerchant(merchantId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TerminalApplicationView> find(MerchantId merchantId, UUID id) {
		return applications.find(id).filter(a -> a.merchantId().equals(merchantId));
	}

	@Override
	@Transactional
	public TerminalApplicationView resubmit(CurrentUser owner, UUID id, ApplicationDraft draft) {
		requireOwner(owner);
		TerminalApplication application = ownApplication(owner, id);
		MerchantProfile merchant = merchant(application.merchantId);
		ValidDraft valid = ValidDraft.of(draft, terminals.model(draft.modelCode()).orElse(null), merchant.businessAddress());
		if (!valid.model().code().equals(application.draft.model().code())) {
			throw new ValidationFailedException(new FieldViolation("modelCode", "MODEL_CHANGED"));
		}
		application.resubmit(valid, owner.username(), clock.instant());
		return saved(application, "TERMINAL_APPLICATION_RESUBMITTED", owner.username(), null);
	}

	@Override
	@Transactional
	public TerminalApplicationView cancel(CurrentUser owner, UUID id) {
		requireOwner(owner);
		TerminalApplication application = ownApplication(owner, id);
		application.cancel(owner.username(), clock.instant());
		return saved(application, "TERMINAL_APPLICATION_CANCELLED", owner.username(), null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TerminalApplicationView> queue(Collection<ApplicationStatus> statuses, int limit) {
		return applications.inStatuses(statuses == null || statuses.isEmpty() ? EnumSet.allOf(ApplicationStatus.class)
				: statuses, Math.max(1, Math.min(limit, 500)));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TerminalApplicationView> find(UUID id) {
		return applications.find(id);
	}

	@Override
	@Transactional(readOnly = true)
	public List<RiskSignal> riskSignals(UUID id) {
		TerminalApplicationView application = find(id).orElseThrow(() -> new ResourceNotFoundException("Application"));
		return risk.of(application, merchants.find(application.merchantId()).map(MerchantProfile::businessAddress)
			.orElse(null));
	}

	@Override
	@Transactional
	public TerminalApplicationView approve(CurrentUser reviewer, UUID id, String note) {
		String checked = FreeText.optional("note", note, MAX_TEXT);
		TerminalApplication application = lock(id);
		application.approve(reviewer.username(), checked, clock.instant());
		TerminalApplicationView approved = saved(application, "TERMINAL_APPLICATION_APPROVED", reviewer.username(),
				checked);
		charges.chargeOnApproval(approved);
		return approved;
	}

	@Override
	@Transactional
	public TerminalApplicationView reject(CurrentUser reviewer, UUID id, String reason) {
		String why = FreeText.required("reason", reason, MAX_TEXT);
		TerminalApplication application = lock(id);
		application.reject(reviewer.username(), why, clock.instant());
		return saved(application, "TERMINAL_APPLICATION_REJECTED", reviewer.username(), why);
	}

	@Override
	@Transactional
	public TerminalApplicationView requestInformation(CurrentUser reviewer, UUID id, String message) {
		String asked = FreeText.required("message", message, MAX_TEXT);
		TerminalApplication application = lock(id);
		application.requestInformation(reviewer.username(), asked, clock.instant());
		return saved(application, "TERMINAL_APPLICATION_NEEDS_INFO", reviewer.username(), asked);
	}

	@Override
	@Transactional
	public TerminalApplicationView ship(CurrentUser operator, UUID id, Carrier carrier, String trackingNo,
			List<String> serialNumbers) {
		if (carrier == null) {
			throw new ValidationFailedException(new FieldViolation("carrier", "REQUIRED"));
		}
		String tracking = trackingNo == null ? "" : trackingNo.strip();
		if (!tracking.matches("[A-Za-z0-9]{6,40}")) {
			throw new ValidationFailedException(new FieldViolation("trackingNo", tracking.isEmpty() ? "REQUIRED"
					: "INVALID_FORMAT"));
		}
		TerminalApplication application = lock(id);
		if (serialNumbers == null || serialNumbers.size() != application.draft.quantity()) {
			throw new ValidationFailedException(new FieldViolation("serialNumbers", "QUANTITY_MISMATCH"));
		}
		application.ship(carrier, tracking, operator.username(), clock.instant());
		var account = accounts.active(application.merchantId)
			.orElseThrow(() -> new StateConflictException("NO_SETTLEMENT_ACCOUNT", "The merchant has no settlement card"));
		var shipped = stock.ship(new TerminalStock.Shipment(application.id, application.merchantId, account.id(),
				application.draft.model().code(), serialNumbers, application.draft.installationAddress(),
				operator.username()));
		applications.addSerials(application.id, shipped.stream().map(t -> t.serialNo()).toList());
		return saved(application, "TERMINAL_APPLICATION_SHIPPED", operator.username(), carrier + " " + tracking);
	}

	@Override
	@Transactional
	public TerminalApplicationView confirmDelivered(CurrentUser operator, UUID id) {
		TerminalApplication application = lock(id);
		application.delivered(operator.username(), clock.instant(), clock.instant());
		return saved(application, "TERMINAL_APPLICATION_DELIVERED", operator.username(), null);
	}

	/** The carrier confirmed delivery. */
	@Transactional
	public void delivered(UUID id, Instant at) {
		TerminalApplication application = lock(id);
		if (application.status == ApplicationStatus.SHIPPED) {
			application.delivered("courier", at, clock.instant());
			saved(application, "TERMINAL_APPLICATION_DELIVERED", "courier", null);
		}
	}

	private TerminalApplicationView saved(TerminalApplication application, String auditEvent, String by, String note) {
		applications.save(application, clock.instant());
		audit.record(AuditEvent.of(auditEvent, "TERMINAL_APPLICATION", application.number).by(by)
			.after(note == null ? Map.of("status", application.status.name())
					: Map.of("status", application.status.name(), "note", note)));
		application.events().forEach(events::publishEvent);
		TerminalApplicationView view = applications.find(application.id).orElseThrow();
		notices.statusChanged(view);
		return view;
	}

	private TerminalApplication lock(UUID id) {
		return applications.lock(id, code -> terminals.model(code).orElseThrow())
			.orElseThrow(() -> new ResourceNotFoundException("Application"));
	}

	private TerminalApplication ownApplication(CurrentUser owner, UUID id) {
		TerminalApplication application = lock(id);
		if (!application.merchantId.equals(owner.requireMerchant())) {
			throw new ResourceNotFoundException("Application");
		}
		return application;
	}

	private MerchantProfile merchant(MerchantId id) {
		return merchants.find(id).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	private static void requireOwner(CurrentUser user) {
		if (user.role() != Role.MERCHANT_OWNER) {
			throw new AccessDeniedException("Only the merchant owner applies for terminals");
		}
	}

	private static String requestHash(ApplicationDraft draft) {
		return RequestHash.of(draft.modelCode(), draft.quantity(), draft.deliveryAddress(), draft.contactName(),
				draft.contactPhone(), draft.installationAddress(), draft.reason());
	}
}
