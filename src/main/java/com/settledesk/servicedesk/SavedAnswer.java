package com.settledesk.servicedesk;

import java.util.UUID;

/** A saved answer (常见问题) in one language. */
public record SavedAnswer(UUID id, TicketCategory category, String question, String answer) {
}
