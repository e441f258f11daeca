package com.settledesk.notification;

import java.time.Instant;
import java.util.UUID;

public record InboxMessage(UUID id, String title, String body, Instant createdAt, boolean read) {
}
