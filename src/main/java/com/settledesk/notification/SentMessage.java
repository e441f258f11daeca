package com.settledesk.notification;

import java.time.Instant;

/** A message a provider accepted for delivery. */
public record SentMessage(String to, Channel channel, String text, Instant sentAt) {
}
