package com.settledesk.servicedesk;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** A ticket as stored, with its whole conversation (filter internal notes before showing it to a merchant). */
public record TicketView(UUID id, String number, MerchantId merchantId, TicketCategory category, String subject,
		RelatedKind relatedKind, String relatedId, TicketStatus status, Team holder, String assignee, String openedBy,
		Instant openedAt, Instant firstAnswerDue, Instant firstAnsweredAt, Instant lastActivityAt, Instant resolvedAt,
		Instant closedAt, Integer rating, List<TicketMessage> messages) {

	/** The first answer came late, or has not come and is overdue. */
	public boolean firstAnswerLate(Instant now) {
		return firstAnsweredAt == null ? now.isAfter(firstAnswerDue) && status.isActive()
				: firstAnsweredAt.isAfter(firstAnswerDue);
	}

	/** What the merchant may see: the conversation without internal notes. */
	public TicketView forMerchant() {
		return new TicketView(id, number, merchantId, category, subject, relatedKind, relatedId, status, holder, assignee,
				openedBy, openedAt, firstAnswerDue, firstAnsweredAt, lastActivityAt, resolvedAt, closedAt, rating,
				messages.stream().filter(m -> !m.internal()).toList());
	}
}
