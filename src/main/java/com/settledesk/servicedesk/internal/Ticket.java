package com.settledesk.servicedesk.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.settledesk.servicedesk.RelatedKind;
import com.settledesk.servicedesk.Team;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketMessage;
import com.settledesk.servicedesk.TicketMessage.Side;
import com.settledesk.servicedesk.TicketStatus;
import com.settledesk.servicedesk.TicketStatusChanged;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.shared.FieldViolation;

/**
 * A ticket (工单) and its state machine. Every move is guarded by the status (an illegal one is a 409 and changes
 * nothing) and registers a {@link TicketStatusChanged}; new messages are kept until the repository stores them.
 */
final class Ticket {

	final UUID id;
	final String number;
	final MerchantId merchantId;
	final TicketCategory category;
	final String subject;
	final RelatedKind relatedKind;
	final String relatedId;
	final String openedBy;
	final Instant openedAt;
	final Instant firstAnswerDue;
	final long version;
	TicketStatus status;
	Team holder;
	String assignee;
	Instant firstAnsweredAt;
	Instant lastActivityAt;
	Instant resolvedAt;
	Instant closedAt;
	Integer rating;
	private final List<TicketMessage> newMessages = new ArrayList<>();
	private final List<TicketStatusChanged> events = new ArrayList<>();

	Ticket(UUID id, String number, MerchantId merchantId, TicketCategory category, String subject,
			RelatedKind relatedKind, String relatedId, String openedBy, Instant openedAt, Instant firstAnswerDue,
			TicketStatus status, Team holder, long version) {
		this.id = id;
		this.number = number;
		this.merchantId = merchantId;
		this.category = category;
		this.subject = subject;
		this.relatedKind = relatedKind;
		this.relatedId = relatedId;
		this.openedBy = openedBy;
		this.openedAt = openedAt;
		this.firstAnswerDue = firstAnswerDue;
		this.status = status;
		this.holder = holder;
		this.version = version;
		this.lastActivityAt = openedAt;
	}

	static Ticket open(UUID id, String number, MerchantId merchantId, TicketCategory category, String subject,
			String body, List<UUID> attachments, RelatedKind relatedKind, String relatedId, String by, Instant now,
			Instant firstAnswerDue) {
		Ticket ticket = new Ticket(id, number, merchantId, category, subject, relatedKind, relatedId, by, now,
				firstAnswerDue, null, Team.SERVICE, 0);
		ticket.moveTo(TicketStatus.OPEN, now);
		ticket.add(Side.MERCHANT, by, body, false, attachments, now);
		return ticket;
	}

	/** The merchant writes: a resolved ticket reopens, one waiting on the merchant goes back to the agents. */
	void merchantReply(String by, String body, List<UUID> attachments, Instant now) {
		require(EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_MERCHANT,
				TicketStatus.RESOLVED));
		add(Side.MERCHANT, by, body, false, attachments, now);
		if (status == TicketStatus.WAITING_ON_MERCHANT || status == TicketStatus.RESOLVED) {
			resolvedAt = null;
			rating = null;
			moveTo(TicketStatus.IN_PROGRESS, now);
		}
	}

	/**
	 * An agent answers (the first answer stops the SLA clock) or writes an internal note (which changes no status).
	 * An answer puts the ticket in progress, or waiting on the merchant when the agent asked something.
	 */
	void agentMessage(String by, String body, boolean internal, boolean waitForMerchant, Instant now) {
		require(EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_MERCHANT));
		add(Side.AGENT, by, body, internal, List.of(), now);
		if (internal) {
			return;
		}
		if (firstAnsweredAt == null) {
			firstAnsweredAt = now;
		}
		if (assignee == null) {
			assignee = by;
		}
		TicketStatus next = waitForMerchant ? TicketStatus.WAITING_ON_MERCHANT : TicketStatus.IN_PROGRESS;
		if (next != status) {
			moveTo(next, now);
		}
	}

	void assign(String to, Instant now) {
		require(EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_MERCHANT));
		assignee = to;
		lastActivityAt = now;
		if (status == TicketStatus.OPEN) {
			moveTo(TicketStatus.IN_PROGRESS, now);
		}
	}

	/** Another team holds the ticket now; nobody of it has taken it yet. */
	void handOver(Team team, String by, String note, Instant now) {
		require(EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_MERCHANT));
		if (team == holder) {
			throw new StateConflictException("TICKET_ALREADY_HELD", "The ticket is held by that team already");
		}
		holder = team;
		assignee = null;
		add(Side.AGENT, by, note, true, List.of(), now);
		if (status == TicketStatus.OPEN) {
			moveTo(TicketStatus.IN_PROGRESS, now);
		}
	}

	void resolve(String by, String note, Instant now) {
		require(EnumSet.of(TicketStatus.OPEN, TicketStatus.IN_PROGRESS, TicketStatus.WAITING_ON_MERCHANT));
		add(Side.AGENT, by, note, false, List.of(), now);
		if (firstAnsweredAt == null) {
			firstAnsweredAt = now;
		}
		resolvedAt = now;
		moveTo(TicketStatus.RESOLVED, now);
	}

	/** Closed after a quiet time once resolved; answers whether it was closed. */
	boolean closeIfQuiet(Instant quietSince, Instant now) {
		if (status != TicketStatus.RESOLVED || lastActivityAt.isAfter(quietSince)) {
			return false;
		}
		closedAt = now;
		moveTo(TicketStatus.CLOSED, now);
		return true;
	}

	void rate(int score, Instant now) {
		require(EnumSet.of(TicketStatus.RESOLVED, TicketStatus.CLOSED));
		if (score < 1 || score > 5) {
			throw new ValidationFailedException(new FieldViolation("score", "OUT_OF_RANGE"));
		}
		if (rating != null) {
			throw new StateConflictException("TICKET_ALREADY_RATED", "The answer was rated already");
		}
		rating = score;
		lastActivityAt = now;
	}

	List<TicketMessage> newMessages() {
		return List.copyOf(newMessages);
	}

	List<TicketStatusChanged> events() {
		return List.copyOf(events);
	}

	private void add(Side side, String by, String body, boolean internal, List<UUID> attachments, Instant now) {
		newMessages.add(new TicketMessage(UUID.randomUUID(), side, by, body, internal, List.copyOf(attachments), now));
		lastActivityAt = now;
	}

	private void moveTo(TicketStatus next, Instant now) {
		events.add(new TicketStatusChanged(id, number, merchantId, status, next, now));
		status = next;
		lastActivityAt = now;
	}

	private void require(Set<TicketStatus> allowed) {
		if (!allowed.contains(status)) {
			throw new StateConflictException("TICKET_STATE_CONFLICT", "Not allowed while the ticket is " + status);
		}
	}
}
