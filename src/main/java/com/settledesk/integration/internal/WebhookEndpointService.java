package com.settledesk.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.integration.DeliveryView;
import com.settledesk.integration.EventType;
import com.settledesk.integration.WebhookEndpointView;
import com.settledesk.integration.WebhookEndpoints;
import com.settledesk.integration.internal.EndpointRepository.Endpoint;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

@Service
class WebhookEndpointService implements WebhookEndpoints {

	private static final int MAX_ENDPOINTS = 10;

	private final EndpointRepository endpoints;
	private final DeliveryRepository deliveries;
	private final EventFeed feed;
	private final TargetGuard guard;
	private final SensitiveDataProtector protector;
	private final WebhookProperties properties;
	private final AuditLog audit;
	private final Clock clock;

	WebhookEndpointService(EndpointRepository endpoints, DeliveryRepository deliveries, EventFeed feed, TargetGuard guard,
			SensitiveDataProtector protector, WebhookProperties properties, AuditLog audit, Clock clock) {
		this.endpoints = endpoints;
		this.deliveries = deliveries;
		this.feed = feed;
		this.guard = guard;
		this.protector = protector;
		this.properties = properties;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Registered register(CurrentUser owner, String url, List<String> events) {
		MerchantId merchantId = ownerOf(owner);
		List<FieldViolation> violations = new ArrayList<>();
		String checkedUrl = null;
		try {
			checkedUrl = guard.checkedUrl(url).toString();
		}
		catch (ValidationFailedException e) {
			violations.addAll(e.violations());
		}
		catch (TargetGuard.TargetRefused e) {
			violations.add(new FieldViolation("url", "TARGET_NOT_ALLOWED"));
		}
		Set<EventType> types = types(events, violations);
		if (!violations.isEmpty()) {
			throw new ValidationFailedException(violations);
		}
		if (endpoints.countActive(merchantId) >= MAX_ENDPOINTS) {
			throw new StateConflictException("TOO_MANY_ENDPOINTS", "A merchant has at most ten webhook endpoints");
		}
		String secret = WebhookSigner.newSecret();
		Endpoint endpoint = new Endpoint(UUID.randomUUID(), merchantId, checkedUrl, types,
				protector.encrypt(secret).toStorage(), null, null, "ACTIVE", null, clock.instant());
		endpoints.insert(endpoint, owner.username());
		audit.record(AuditEvent.of("WEBHOOK_ENDPOINT_REGISTERED", "WEBHOOK_ENDPOINT", endpoint.id().toString())
			.by(owner.username()).after(Map.of("url", checkedUrl, "events", types.toString())));
		return new Registered(view(endpoint), secret);
	}

	@Override
	@Transactional(readOnly = true)
	public List<WebhookEndpointView> ofMerchant(CurrentUser owner) {
		return endpoints.ofMerchant(ownerOf(owner)).stream().map(WebhookEndpointService::view).toList();
	}

	@Override
	@Transactional
	public void delete(CurrentUser owner, UUID id) {
		Endpoint endpoint = find(owner, id);
		endpoints.markDeleted(endpoint.id());
		audit.record(AuditEvent.of("WEBHOOK_ENDPOINT_DELETED", "WEBHOOK_ENDPOINT", id.toString()).by(owner.username())
			.before(Map.of("url", endpoint.url())));
	}

	@Override
	@Transactional
	public String rollSecret(CurrentUser owner, UUID id) {
		Endpoint endpoint = find(owner, id);
		String secret = WebhookSigner.newSecret();
		Instant until = clock.instant().plus(properties.secretOverlap());
		endpoints.rollSecret(endpoint.id(), protector.encrypt(secret).toStorage(), endpoint.secretCipher(), until);
		audit.record(AuditEvent.of("WEBHOOK_SECRET_ROLLED", "WEBHOOK_ENDPOINT", id.toString()).by(owner.username())
			.after(Map.of("previousValidUntil", until.toString())));
		return secret;
	}

	@Override
	@Transactional(readOnly = true)
	public List<DeliveryView> deliveries(CurrentUser owner, UUID id, int limit) {
		return deliveries.ofEndpoint(find(owner, id).id(), limit);
	}

	@Override
	@Transactional
	public void redeliver(CurrentUser owner, UUID id, UUID eventId) {
		Endpoint endpoint = find(owner, id);
		if (!deliveries.again(endpoint.id(), eventId, clock.instant())) {
			throw new ResourceNotFoundException("Delivery");
		}
		audit.record(AuditEvent.of("WEBHOOK_REDELIVERY_REQUESTED", "WEBHOOK_ENDPOINT", id.toString())
			.by(owner.username()).after(Map.of("event", eventId.toString())));
	}

	@Override
	@Transactional
	public void enable(CurrentUser owner, UUID id) {
		Endpoint endpoint = find(owner, id);
		try {
			guard.checkedUrl(endpoint.url());
		}
		catch (ValidationFailedException | TargetGuard.TargetRefused e) {
			throw new ValidationFailedException(new FieldViolation("url", "TARGET_NOT_ALLOWED"));
		}
		if (!endpoints.enable(endpoint.id())) {
			throw new StateConflictException("ENDPOINT_NOT_DISABLED", "Only a disabled endpoint can be enabled");
		}
		audit.record(AuditEvent.of("WEBHOOK_ENDPOINT_ENABLED", "WEBHOOK_ENDPOINT", id.toString()).by(owner.username())
			.after(Map.of("url", endpoint.url())));
	}

	@Override
	@Transactional
	public UUID ping(CurrentUser owner, UUID id) {
		Endpoint endpoint = find(owner, id);
		if (!"ACTIVE".equals(endpoint.status())) {
			throw new StateConflictException("ENDPOINT_DISABLED", "A disabled endpoint is not sent anything");
		}
		return feed.ping(endpoint.merchantId(), endpoint.id());
	}

	/** The secrets a delivery is signed with now: the current one, and the previous one while it overlaps. */
	List<String> signingSecrets(Endpoint endpoint, Instant now) {
		List<String> secrets = new ArrayList<>();
		secrets.add(protector.decrypt(EncryptedValue.fromStorage(endpoint.secretCipher())));
		if (endpoint.previousSecretCipher() != null && endpoint.previousValidUntil() != null
				&& now.isBefore(endpoint.previousValidUntil())) {
			secrets.add(protector.decrypt(EncryptedValue.fromStorage(endpoint.previousSecretCipher())));
		}
		return secrets;
	}

	private Endpoint find(CurrentUser owner, UUID id) {
		return endpoints.find(ownerOf(owner), id).orElseThrow(() -> new ResourceNotFoundException("WebhookEndpoint"));
	}

	private static MerchantId ownerOf(CurrentUser user) {
		if (user.role() != Role.MERCHANT_OWNER) {
			throw new AccessDeniedException("Only the merchant owner manages webhooks");
		}
		return user.requireMerchant();
	}

	private static Set<EventType> types(List<String> names, List<FieldViolation> violations) {
		Set<EventType> types = EnumSet.noneOf(EventType.class);
		if (names == null || names.isEmpty()) {
			violations.add(new FieldViolation("events", "REQUIRED"));
			return types;
		}
		for (String name : names) {
			var type = name == null ? java.util.Optional.<EventType>empty() : EventType.ofWireName(name.strip());
			if (type.isEmpty() || type.get() == EventType.PING) {
				violations.add(new FieldViolation("events", "UNKNOWN_EVENT_TYPE"));
				return types;
			}
			types.add(type.get());
		}
		return types;
	}

	static WebhookEndpointView view(Endpoint e) {
		return new WebhookEndpointView(e.id(), e.url(), e.types(), e.status(), e.failingSince(), e.createdAt());
	}
}
