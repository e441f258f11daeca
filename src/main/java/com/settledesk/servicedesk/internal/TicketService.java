package com.settledesk.servicedesk.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.attachment.AttachmentKind;
import com.settledesk.attachment.AttachmentView;
import com.settledesk.attachment.Attachments;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.identity.CurrentUser;
import com.settledesk.payout.Payouts;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.QueueFilter;
import com.settledesk.servicedesk.RelatedKind;
import com.settledesk.servicedesk.Team;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketStatistics;
import com.settledesk.servicedesk.TicketView;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.shared.RequestHash;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.FreeText;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.Terminals;

@Service
class TicketService implements Tickets {

	static final int MAX_SUBJECT = 120;
	static final int MAX_BODY = 4000;
	private static final int MAX_KEY = 64;
	private static final int MAX_ATTACHMENTS = 5;

	private final TicketRepository tickets;
	private final Attachments attachments;
	private final CardChanges cardChanges;
	private final Payouts payouts;
	private final Terminals terminals;
	private final TicketNotices notices;
	private final ServiceDeskProperties properties;
	private final AuditLog audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	TicketService(TicketRepository tickets, Attachments attachments, CardChanges cardChanges, Payouts payouts,
			Terminals terminals, TicketNotices notices, ServiceDeskProperties properties, AuditLog audit,
			ApplicationEventPublisher events, Clock clock) {
		this.tickets = tickets;
		this.attachments = attachments;
		this.cardChanges = cardChanges;
		this.payouts = payouts;
		this.terminals = terminals;
		this.notices = notices;
		this.properties = properties;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Opened open(CurrentUser user, NewTicket draft, String idempotencyKey) {
		MerchantId merchantId = merchantOf(user);
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY)) {
			throw new ValidationFailedException(List.of(new FieldViolation("Idempotency-Key", "INVALID_LENGTH")));
		}
		String hash = hash(draft);
		if (idempotencyKey != null) {
			Optional<TicketRepository.Idempotent> earlier = tickets.byIdempotencyKey(merchantId, idempotencyKey);
			if (earlier.isPresent()) {
				if (!earlier.get().requestHash().equals(hash)) {
					throw new ValidationFailedException(List.of(new FieldViolation("Idempotency-Key",
							"IDEMPOTENCY_KEY_REUSED")));
				}
				return new Opened(tickets.find(earlier.get().id()).orElseThrow().forMerchant(), true);
			}
		}
		List<FieldViolation> violations = new ArrayList<>();
		TicketCategory category = category(draft.category(), violations);
		String subject = text(violations, "subject", draft.subject(), MAX_SUBJECT);
		String body = text(violations, "body", draft.body(), MAX_BODY);
		List<UUID> attached = attachments(merchantId, draft.attachmentIds(), violations);
		RelatedKind relatedKind = null;
		String relatedId = null;
		if (draft.relatedId() != null && !draft.relatedId().isBlank() && category != null) {
			relatedId = draft.relatedId().strip();
			relatedKind = related(merchantId, category, relatedId, violations);
		}
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		Instant now = clock.instant();
		Ticket ticket = Ticket.open(UUID.randomUUID(),
				tickets.nextNumber(LocalDate.ofInstant(now, ClockConfiguration.DISPLAY_ZONE)), merchantId, category,
				subject, body, attached, relatedKind, relatedId, user.username(), now,
				now.plus(properties.firstAnswerWithin(category)));
		tickets.insert(ticket, idempotencyKey, hash);
		ticket.events().forEach(events::publishEvent);
		audit.record(AuditEvent.of("TICKET_OPENED", "TICKET", ticket.id.toString()).by(user.username())
			.after(Map.of("number", ticket.number, "category", category.name(),
					"related", relatedKind == null ? "" : relatedKind + ":" + relatedId)));
		return new Opened(tickets.find(ticket.id).orElseThrow().forMerchant(), false);
	}

	@Override
	@Transactional(readOnly = true)
	public List<TicketView> ofMerchant(MerchantId merchantId) {
		return tickets.ofMerchant(merchantId);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketView> find(MerchantId merchantId, UUID id) {
		return tickets.find(id).filter(t -> t.merchantId().equals(merchantId)).map(TicketView::forMerchant);
	}

	@Override
	@Transactional
	public TicketView reply(CurrentUser user, UUID id, String body, List<String> attachmentIds) {
		MerchantId merchantId = merchantOf(user);
		Ticket ticket = tickets.load(id).filter(t -> t.merchantId.equals(merchantId))
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
		List<FieldViolation> violations = new ArrayList<>();
		String text = text(violations, "body", body, MAX_BODY);
		List<UUID> attached = attachments(merchantId, attachmentIds, violations);
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		ticket.merchantReply(user.username(), text, attached, clock.instant());
		save(ticket);
		audit.record(AuditEvent.of("TICKET_REPLIED", "TICKET", id.toString()).by(user.username())
			.after(Map.of("number", ticket.number, "status", ticket.status.name())));
		return tickets.find(id).orElseThrow().forMerchant();
	}

	@Override
	@Transactional
	public TicketView rate(CurrentUser user, UUID id, int score) {
		MerchantId merchantId = merchantOf(user);
		Ticket ticket = tickets.load(id).filter(t -> t.merchantId.equals(merchantId))
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
		ticket.rate(score, clock.instant());
		save(ticket);
		audit.record(AuditEvent.of("TICKET_RATED", "TICKET", id.toString()).by(user.username())
			.after(Map.of("number", ticket.number, "score", score)));
		return tickets.find(id).orElseThrow().forMerchant();
	}

	@Override
	@Transactional(readOnly = true)
	public List<TicketView> queue(QueueFilter filter, int limit) {
		return tickets.queue(filter, clock.instant(), limit);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<TicketView> findForAgent(UUID id) {
		return tickets.find(id);
	}

	@Override
	@Transactional
	public TicketView answer(CurrentUser agent, UUID id, String body, boolean internal, boolean waitForMerchant) {
		requireOperator(agent);
		Ticket ticket = load(id);
		String text = FreeText.required("body", body, MAX_BODY);
		ticket.agentMessage(agent.username(), text, internal, waitForMerchant, clock.instant());
		save(ticket);
		audit.record(AuditEvent.of(internal ? "TICKET_NOTE_ADDED" : "TICKET_ANSWERED", "TICKET", id.toString())
			.by(agent.username()).after(Map.of("number", ticket.number, "status", ticket.status.name())));
		TicketView view = tickets.find(id).orElseThrow();
		if (!internal) {
			notices.answered(view);
		}
		return view;
	}

	@Override
	@Transactional
	public TicketView assign(CurrentUser agent, UUID id, String assignee) {
		requireOperator(agent);
		Ticket ticket = load(id);
		String to = assignee == null || assignee.isBlank() ? agent.username()
				: FreeText.required("assignee", assignee, MAX_KEY);
		String before = ticket.assignee;
		ticket.assign(to, clock.instant());
		save(ticket);
		audit.record(AuditEvent.of("TICKET_ASSIGNED", "TICKET", id.toString()).by(agent.username())
			.before(before == null ? Map.of() : Map.of("assignee", before))
			.after(Map.of("number", ticket.number, "assignee", to)));
		return tickets.find(id).orElseThrow();
	}

	@Override
	@Transactional
	public TicketView handOver(CurrentUser agent, UUID id, Team team, String note) {
		requireOperator(agent);
		if (team == null) {
			throw new ValidationFailedException(List.of(new FieldViolation("team", "REQUIRED")));
		}
		Ticket ticket = load(id);
		Team before = ticket.holder;
		ticket.handOver(team, agent.username(), FreeText.required("note", note, MAX_BODY), clock.instant());
		save(ticket);
		audit.record(AuditEvent.of("TICKET_HANDED_OVER", "TICKET", id.toString()).by(agent.username())
			.before(Map.of("holder", before.name())).after(Map.of("number", ticket.number, "holder", team.name())));
		return tickets.find(id).orElseThrow();
	}

	@Override
	@Transactional
	public TicketView resolve(CurrentUser agent, UUID id, String note) {
		requireOperator(agent);
		Ticket ticket = load(id);
		ticket.resolve(agent.username(), FreeText.required("note", note, MAX_BODY), clock.instant());
		save(ticket);
		audit.record(AuditEvent.of("TICKET_RESOLVED", "TICKET", id.toString()).by(agent.username())
			.after(Map.of("number", ticket.number)));
		TicketView view = tickets.find(id).orElseThrow();
		notices.resolved(view);
		return view;
	}

	@Override
	@Transactional
	public int closeQuietTickets() {
		Instant now = clock.instant();
		Instant quietSince = now.minus(properties.closeAfter());
		int closed = 0;
		for (UUID id : tickets.quietResolved(quietSince, 500)) {
			Ticket ticket = load(id);
			if (ticket.closeIfQuiet(quietSince, now)) {
				save(ticket);
				audit.record(AuditEvent.of("TICKET_CLOSED", "TICKET", id.toString()).by("system")
					.after(Map.of("number", ticket.number)));
				closed++;
			}
		}
		return closed;
	}

	@Override
	@Transactional(readOnly = true)
	public TicketStatistics statistics() {
		return new TicketStatistics(tickets.countByStatus(), tickets.activeByCategory(),
				tickets.firstAnswerBreaches(clock.instant()),
				tickets.averageFirstAnswerSeconds().map(s -> java.time.Duration.ofSeconds(s.longValue())), tickets.ratings());
	}

	@Override
	@Transactional(readOnly = true)
	public long firstAnswerBreaches() {
		return tickets.firstAnswerBreaches(clock.instant());
	}

	private void save(Ticket ticket) {
		tickets.save(ticket);
		ticket.events().forEach(events::publishEvent);
	}

	private Ticket load(UUID id) {
		return tickets.load(id).orElseThrow(() -> new ResourceNotFoundException("Ticket"));
	}

	private static MerchantId merchantOf(CurrentUser user) {
		if (!user.role().isMerchantRole()) {
			throw new AccessDeniedException("Only a merchant's users open and answer its tickets");
		}
		return user.requireMerchant();
	}

	private static void requireOperator(CurrentUser user) {
		if (!user.isOperator()) {
			throw new AccessDeniedException("Only operators work tickets");
		}
	}

	/** The thing the ticket is about must be the merchant's own; what it is follows from the category. */
	private RelatedKind related(MerchantId merchantId, TicketCategory category, String relatedId,
			List<FieldViolation> violations) {
		boolean found = switch (category) {
			case CARD_CHANGE -> uuid(relatedId).flatMap(id -> cardChanges.find(merchantId, new ChangeRequestId(id)))
				.isPresent();
			case PAYOUT -> uuid(relatedId).map(id -> payouts.byIds(Set.of(id)).get(id))
				.filter(p -> p.merchantId().equals(merchantId)).isPresent();
			case TERMINAL -> relatedId.length() <= 64 && terminals.findBySerialNo(relatedId)
				.filter(t -> merchantId.equals(t.merchantId())).isPresent();
			case FEE -> relatedId.length() <= 64;
			case ACCOUNT, OTHER -> false;
		};
		if (!found) {
			violations.add(new FieldViolation("relatedId", "NOT_FOUND"));
			return null;
		}
		return switch (category) {
			case CARD_CHANGE -> RelatedKind.CHANGE_REQUEST;
			case PAYOUT -> RelatedKind.PAYOUT;
			case TERMINAL -> RelatedKind.TERMINAL;
			default -> RelatedKind.STATEMENT_LINE;
		};
	}

	private List<UUID> attachments(MerchantId merchantId, List<String> ids, List<FieldViolation> violations) {
		if (ids == null || ids.isEmpty()) {
			return List.of();
		}
		if (ids.size() > MAX_ATTACHMENTS) {
			violations.add(new FieldViolation("attachmentIds", "TOO_MANY"));
			return List.of();
		}
		Set<UUID> wanted = new LinkedHashSet<>();
		for (String id : ids) {
			Optional<UUID> parsed = id == null ? Optional.empty() : uuid(id);
			if (parsed.isEmpty()) {
				violations.add(new FieldViolation("attachmentIds", "NOT_FOUND"));
				return List.of();
			}
			wanted.add(parsed.get());
		}
		List<AttachmentView> owned = attachments.ownedBy(merchantId, wanted);
		// Only uploads made for tickets: identity documents of a card change stay with its reviewers.
		if (owned.size() != wanted.size() || owned.stream().anyMatch(a -> a.kind() != AttachmentKind.TICKET)) {
			violations.add(new FieldViolation("attachmentIds", "NOT_FOUND"));
			return List.of();
		}
		return List.copyOf(wanted);
	}

	private static TicketCategory category(String value, List<FieldViolation> violations) {
		if (value == null || value.isBlank()) {
			violations.add(new FieldViolation("category", "REQUIRED"));
			return null;
		}
		try {
			return TicketCategory.valueOf(value.strip());
		}
		catch (IllegalArgumentException e) {
			violations.add(new FieldViolation("category", "INVALID"));
			return null;
		}
	}

	private static String text(List<FieldViolation> violations, String field, String value, int max) {
		try {
			return FreeText.required(field, value, max);
		}
		catch (ValidationFailedException e) {
			violations.addAll(e.violations());
			return null;
		}
	}

	private static Optional<UUID> uuid(String value) {
		try {
			return Optional.of(UUID.fromString(value.strip()));
		}
		catch (IllegalArgumentException e) {
			return Optional.empty();
		}
	}

	private static String hash(NewTicket draft) {
		return RequestHash.of(draft.category(), draft.subject(), draft.body(), draft.relatedId(), draft.attachmentIds());
	}
}
