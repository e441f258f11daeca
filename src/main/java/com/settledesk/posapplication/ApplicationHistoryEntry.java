package com.settledesk.posapplication;

import java.time.Instant;

public record ApplicationHistoryEntry(ApplicationStatus status, Instant at, String by, String note) {
}
