package com.settledesk.notification;

/** Where a message stands with its provider: queued, being handed over, accepted, or given up after retries. */
public enum DeliveryStatus {
	PENDING, SENDING, SENT, FAILED
}
