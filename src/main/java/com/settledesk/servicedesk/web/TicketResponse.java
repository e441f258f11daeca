package com.settledesk.servicedesk.web;

import java.time.OffsetDateTime;
import java.util.List;

import com.settledesk.servicedesk.TicketMessage;
import com.settledesk.shared.Timestamps;
import com.settledesk.servicedesk.TicketView;

/** A ticket in the API (api-v1.md, "Service desk"); the merchant's variant never carries internal notes. */
record TicketResponse(String id, String number, String category, String subject, String relatedKind,
		String relatedId, String status, String holder, String assignee, OffsetDateTime openedAt,
		OffsetDateTime firstAnswerDue, OffsetDateTime firstAnsweredAt, OffsetDateTime resolvedAt,
		OffsetDateTime closedAt, Integer rating, List<Message> messages) {

	record Message(String from, String author, String body, boolean internal, List<String> attachmentIds,
			OffsetDateTime at) {
	}

	static TicketResponse forMerchant(TicketView t) {
		return of(t.forMerchant(), false);
	}

	static TicketResponse forOperator(TicketView t) {
		return of(t, true);
	}

	private static TicketResponse of(TicketView t, boolean operator) {
		return new TicketResponse(t.id().toString(), t.number(), t.category().name(), t.subject(),
				t.relatedKind() == null ? null : t.relatedKind().name(), t.relatedId(), t.status().name(),
				t.holder().name(), operator ? t.assignee() : null, Timestamps.forDisplay(t.openedAt()), Timestamps.forDisplay(t.firstAnswerDue()),
				Timestamps.forDisplay(t.firstAnsweredAt()), Timestamps.forDisplay(t.resolvedAt()), Timestamps.forDisplay(t.closedAt()), t.rating(),
				t.messages().stream().filter(m -> operator || !m.internal())
					.map(m -> new Message(m.side().name(), operator || m.side() != TicketMessage.Side.AGENT ? m.author()
							: null, m.body(), m.internal(), m.attachmentIds().stream().map(Object::toString).toList(),
							Timestamps.forDisplay(m.at())))
					.toList());
	}
}
