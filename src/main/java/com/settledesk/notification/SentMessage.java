package com.settledesk.notification;

import java.time.Instant;

/** A message handed to a provider for delivery, as the development outbox shows it. */
public record SentMessage(String to, Channel channel, String text, Instant sentAt, DeliveryStatus status) {
}
