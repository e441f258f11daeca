/**
 * Integrators (对接方): the business events a merchant's systems may follow, in a versioned catalogue
 * (docs/events.md), written once from Spring Modulith's event publication registry and delivered to the merchant's
 * HTTPS endpoints signed with HMAC-SHA256, at least once, in order while the receiver is healthy, with retries,
 * a delivery log, redelivery and a test ping.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integrations")
package com.settledesk.integration;
