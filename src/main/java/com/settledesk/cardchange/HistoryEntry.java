package com.settledesk.cardchange;

import java.time.Instant;

/** One step of a request's timeline. */
public record HistoryEntry(ChangeRequestStatus status, Instant at, String actor, String note) {
}
