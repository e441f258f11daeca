/**
 * Notifications: SMS, e-mail and in-app messages through provider adapters. The development provider
 * keeps what it "sent" in an outbox that the demo shows.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package com.settledesk.notification;
