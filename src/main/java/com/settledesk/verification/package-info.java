/**
 * Verification of a settlement account (鉴权) through a provider adapter: the four-element check of a
 * personal card (四要素: name, ID number, card number, reserved phone). A simulator with realistic latency
 * and outcomes set per card stands in for the provider in development, the demo and tests.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Account verification")
package com.settledesk.verification;
