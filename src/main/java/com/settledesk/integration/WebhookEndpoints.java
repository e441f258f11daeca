package com.settledesk.integration;

import java.util.List;
import java.util.UUID;

import com.settledesk.identity.CurrentUser;

/**
 * The merchant owner's webhook endpoints (api-v1.md, "Webhooks"). Another merchant's endpoint is a 404; every
 * change is audited.
 */
public interface WebhookEndpoints {

	/** Registers an endpoint; answers it with its signing secret, shown only here. */
	Registered register(CurrentUser owner, String url, List<String> events);

	List<WebhookEndpointView> ofMerchant(CurrentUser owner);

	void delete(CurrentUser owner, UUID id);

	/** A new secret; the old one stays valid for the configured overlap. */
	String rollSecret(CurrentUser owner, UUID id);

	List<DeliveryView> deliveries(CurrentUser owner, UUID id, int limit);

	/** Delivers the event to the endpoint again, now (also one that was given up or delivered). */
	void redeliver(CurrentUser owner, UUID id, UUID eventId);

	/**
	 * Sends to an endpoint disabled after failing for too long again, from now on; its address is checked again as
	 * at registration. Deliveries given up while it was disabled can be sent again one by one ({@link #redeliver}).
	 */
	void enable(CurrentUser owner, UUID id);

	/** Sends a test event to this endpoint only; answers its id. */
	UUID ping(CurrentUser owner, UUID id);

	record Registered(WebhookEndpointView endpoint, String secret) {
	}
}
