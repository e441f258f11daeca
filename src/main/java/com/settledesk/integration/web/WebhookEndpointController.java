package com.settledesk.integration.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.Timestamps;
import com.settledesk.integration.DeliveryView;
import com.settledesk.integration.WebhookEndpointView;
import com.settledesk.integration.WebhookEndpoints;
import com.settledesk.shared.ResourceNotFoundException;

/** The owner's webhook endpoints (api-v1.md, "Webhooks"). */
@RestController
class WebhookEndpointController {

	private final WebhookEndpoints endpoints;

	WebhookEndpointController(WebhookEndpoints endpoints) {
		this.endpoints = endpoints;
	}

	@PostMapping("/api/v1/merchant/webhook-endpoints")
	ResponseEntity<EndpointResponse> register(CurrentUser owner, @RequestBody RegisterRequest body) {
		var registered = endpoints.register(owner, body.url(), body.events());
		return ResponseEntity.status(HttpStatus.CREATED).body(EndpointResponse.of(registered.endpoint(),
				registered.secret()));
	}

	@GetMapping("/api/v1/merchant/webhook-endpoints")
	List<EndpointResponse> list(CurrentUser owner) {
		return endpoints.ofMerchant(owner).stream().map(e -> EndpointResponse.of(e, null)).toList();
	}

	@DeleteMapping("/api/v1/merchant/webhook-endpoints/{id}")
	ResponseEntity<Void> delete(CurrentUser owner, @PathVariable String id) {
		endpoints.delete(owner, parse(id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/merchant/webhook-endpoints/{id}/secret/roll")
	Map<String, String> roll(CurrentUser owner, @PathVariable String id) {
		return Map.of("secret", endpoints.rollSecret(owner, parse(id)));
	}

	@GetMapping("/api/v1/merchant/webhook-endpoints/{id}/deliveries")
	List<DeliveryResponse> deliveries(CurrentUser owner, @PathVariable String id) {
		return endpoints.deliveries(owner, parse(id), 100).stream().map(DeliveryResponse::of).toList();
	}

	@PostMapping("/api/v1/merchant/webhook-endpoints/{id}/deliveries/{eventId}/redeliver")
	ResponseEntity<Void> redeliver(CurrentUser owner, @PathVariable String id, @PathVariable String eventId) {
		endpoints.redeliver(owner, parse(id), parse(eventId));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/merchant/webhook-endpoints/{id}/enable")
	ResponseEntity<Void> enable(CurrentUser owner, @PathVariable String id) {
		endpoints.enable(owner, parse(id));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/merchant/webhook-endpoints/{id}/ping")
	ResponseEntity<Map<String, String>> ping(CurrentUser owner, @PathVariable String id) {
		return ResponseEntity.accepted().body(Map.of("eventId", endpoints.ping(owner, parse(id)).toString()));
	}

	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("WebhookEndpoint");
		}
	}


	record RegisterRequest(String url, List<String> events) {
	}

	record EndpointResponse(String id, String url, List<String> events, String status, OffsetDateTime failingSince,
			OffsetDateTime createdAt, String secret) {

		static EndpointResponse of(WebhookEndpointView e, String secret) {
			return new EndpointResponse(e.id().toString(), e.url(), e.events().stream().map(t -> t.wireName()).toList(),
					e.status(), Timestamps.forDisplay(e.failingSince()), Timestamps.forDisplay(e.createdAt()), secret);
		}
	}

	record DeliveryResponse(String eventId, String type, String status, Integer responseCode, int attempts,
			Long latencyMs, String error, OffsetDateTime lastAttemptAt, OffsetDateTime nextAttemptAt,
			OffsetDateTime deliveredAt) {

		static DeliveryResponse of(DeliveryView d) {
			return new DeliveryResponse(d.eventId().toString(), d.type() == null ? null : d.type().wireName(),
					d.status(), d.responseCode(), d.attempts(), d.latencyMs(), d.error(), Timestamps.forDisplay(d.lastAttemptAt()),
					"PENDING".equals(d.status()) ? Timestamps.forDisplay(d.nextAttemptAt()) : null, Timestamps.forDisplay(d.deliveredAt()));
		}
	}
}
