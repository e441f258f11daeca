package com.settledesk.servicedesk;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** A ticket moved from one status to another (published in the transaction that moved it). */
public record TicketStatusChanged(UUID ticketId, String number, MerchantId merchantId, TicketStatus from,
		TicketStatus to, Instant at) {
}
