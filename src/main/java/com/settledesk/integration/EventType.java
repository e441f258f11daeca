package com.settledesk.integration;

import java.util.Arrays;
import java.util.Optional;

/** The event catalogue (docs/events.md): each type with its name on the wire. */
public enum EventType {

	TRANSACTION_CAPTURED("transaction.captured"),
	TRANSACTION_REFUNDED("transaction.refunded"),
	TRANSACTION_REVERSED("transaction.reversed"),
	PAYOUT_CREATED("payout.created"),
	PAYOUT_PAID("payout.paid"),
	PAYOUT_FAILED("payout.failed"),
	PAYOUT_RETURNED("payout.returned"),
	CHANGE_REQUEST_STATUS_CHANGED("change_request.status_changed"),
	SETTLEMENT_ACCOUNT_CHANGED("settlement_account.changed"),
	TERMINAL_STATUS_CHANGED("terminal.status_changed"),
	TERMINAL_APPLICATION_STATUS_CHANGED("terminal_application.status_changed"),
	TICKET_STATUS_CHANGED("ticket.status_changed"),
	/** A test delivery the owner asks for; sent only to the endpoint it was asked for. */
	PING("ping");

	private final String wireName;

	EventType(String wireName) {
		this.wireName = wireName;
	}

	public String wireName() {
		return wireName;
	}

	public static Optional<EventType> ofWireName(String name) {
		return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
	}
}
