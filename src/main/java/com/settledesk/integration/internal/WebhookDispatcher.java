package com.settledesk.integration.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.integration.internal.DeliveryRepository.Due;
import com.settledesk.integration.internal.EndpointRepository.Endpoint;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers due webhook deliveries on a pool of its own with a bounded queue, so that a slow receiver never slows a
 * capture or anything else: when the pool is busy, it takes no more work (backpressure) and the deliveries wait in
 * the table. A 2xx within the timeout is delivered; anything else is tried again with exponential backoff and
 * jitter until the event is too old, and an endpoint failing for too long is disabled and its owner told.
 */
@Component
class WebhookDispatcher implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
	private static final int CHAIN_LENGTH = 500;
	private static final Duration CHAIN_TIME = Duration.ofSeconds(2);

	private final DeliveryRepository deliveries;
	private final EndpointRepository endpoints;
	private final WebhookEndpointService service;
	private final TargetGuard guard;
	private final WebhookProperties properties;
	private final Notifications notifications;
	private final Merchants merchants;
	private final AuditLog audit;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final HttpClient http;
	private final ThreadPoolExecutor pool;

	WebhookDispatcher(DeliveryRepository deliveries, EndpointRepository endpoints, WebhookEndpointService service,
			TargetGuard guard, WebhookProperties properties, Notifications notifications, Merchants merchants,
			AuditLog audit, TransactionTemplate tx, Clock clock, MeterRegistry meters) {
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.service = service;
		this.guard = guard;
		this.properties = properties;
		this.notifications = notifications;
		this.merchants = merchants;
		this.audit = audit;
		this.tx = tx;
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER).build();
		this.pool = new ThreadPoolExecutor(properties.workers(), properties.workers(), 60, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(properties.queueCapacity()), runnable -> {
					Thread thread = new Thread(runnable, "webhook-delivery");
					thread.setDaemon(true);
					return thread;
				});
		Gauge.builder("settledesk.webhooks.in.flight", this, WebhookDispatcher::inFlight)
			.description("Webhook deliveries queued or running on the delivery pool").register(meters);
	}

	@Scheduled(fixedDelayString = "${settledesk.webhooks.dispatch-interval:PT1S}", initialDelayString = "PT5S")
	void dispatch() {
		int room = pool.getQueue().remainingCapacity();
		if (room == 0) {
			return;
		}
		Instant now = clock.instant();
		List<Due> due = tx.execute(status -> deliveries.claimDue(now, now.plus(properties.lease()), room));
		for (Due d : due) {
			pool.execute(() -> deliverInOrder(d));
		}
	}

	/** Queued or being delivered on the pool right now (backpressure shows here). */
	int inFlight() {
		return pool.getQueue().size() + pool.getActiveCount();
	}

	/**
	 * Delivers a claimed delivery and then, while the receiver answers 2xx, the endpoint's next due ones on the same
	 * worker, in order, without waiting for the next dispatch: one endpoint's events go one at a time (that keeps
	 * their order), but back to back. A chain ends after {@link #CHAIN_LENGTH} deliveries or {@link #CHAIN_TIME}, so
	 * that one busy endpoint does not keep a worker from the others.
	 */
	void deliverInOrder(Due first) {
		long until = System.nanoTime() + CHAIN_TIME.toNanos();
		Optional<Due> next = Optional.of(first);
		for (int delivered = 1; next.isPresent(); delivered++) {
			next = deliver(next.get(), delivered < CHAIN_LENGTH && System.nanoTime() < until);
		}
	}

	/**
	 * One attempt. After a 2xx, and when asked to, answers the endpoint's next due delivery, claimed in the same
	 * transaction that records this one as delivered.
	 */
	Optional<Due> deliver(Due due, boolean thenClaimNext) {
		Endpoint endpoint = endpoints.find(due.endpointId()).orElse(null);
		Instant started = clock.instant();
		if (endpoint == null || !"ACTIVE".equals(endpoint.status())) {
			tx.executeWithoutResult(s -> deliveries.failed(due.id(), null, null, "endpoint not active", started, null));
			return Optional.empty();
		}
		long t0 = System.nanoTime();
		Integer status = null;
		String error = null;
		try {
			URI target = URI.create(endpoint.url());
			guard.checkAtDelivery(target);
			long seconds = started.getEpochSecond();
			HttpRequest request = HttpRequest.newBuilder(target).timeout(properties.timeout())
				.header("Content-Type", "application/json; charset=utf-8")
				.header("User-Agent", "SettleDesk-Webhooks/1")
				.header("SettleDesk-Event-Id", due.eventId().toString())
				.header("SettleDesk-Signature", WebhookSigner.header(seconds, due.body(),
						service.signingSecrets(endpoint, started)))
				.POST(HttpRequest.BodyPublishers.ofString(due.body())).build();
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			status = response.statusCode();
			if (status >= 200 && status < 300) {
				long latency = (System.nanoTime() - t0) / 1_000_000;
				Integer delivered = status;
				return tx.execute(s -> {
					deliveries.delivered(due.id(), delivered, latency, clock.instant());
					if (endpoint.failingSince() != null) {
						endpoints.healthy(endpoint.id());
					}
					Instant now = clock.instant();
					return thenClaimNext ? deliveries.claimNext(endpoint.id(), now, now.plus(properties.lease()))
							: Optional.<Due>empty();
				});
			}
			error = "HTTP " + status;
		}
		catch (TargetGuard.TargetRefused e) {
			error = "refused: " + e.getMessage();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		catch (Exception e) {
			error = e.getClass().getSimpleName().replace("Exception", "") + ": "
					+ (e.getMessage() == null ? "" : e.getMessage());
		}
		failed(due, endpoint, status, (System.nanoTime() - t0) / 1_000_000, error);
		return Optional.empty();
	}

	private void failed(Due due, Endpoint endpoint, Integer status, long latency, String error) {
		Instant now = clock.instant();
		Instant next = due.eventCreatedAt().plus(properties.giveUpAfter()).isBefore(now) ? null
				: now.plus(backoff(due.attempts() + 1));
		tx.executeWithoutResult(s -> {
			deliveries.failed(due.id(), status, latency, error, now, next);
			endpoints.failing(endpoint.id(), now);
			if (endpoints.disableIfFailingSince(endpoint.id(), now.minus(properties.disableAfter()))) {
				audit.record(AuditEvent.of("WEBHOOK_ENDPOINT_DISABLED", "WEBHOOK_ENDPOINT", endpoint.id().toString())
					.by("system").after(Map.of("url", endpoint.url(), "lastError", String.valueOf(error))));
				merchants.find(endpoint.merchantId()).ifPresent(m -> notifications.notifyMerchant(
						new Recipient(m.id(), m.contactPhone(), m.language()), NoticeKind.SECURITY,
						"notice.webhook.disabled", new Object[] { endpoint.url() }));
			}
		});
		log.info("Webhook delivery {} to endpoint {} failed ({}); {}", due.id(), endpoint.id(), error,
				next == null ? "given up" : "next attempt " + next);
	}

	/** first retry × 2^(attempt-1), capped at six hours, ± 20 % jitter so that receivers are not hit in waves. */
	Duration backoff(int attempt) {
		long base = properties.firstRetry().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, Duration.ofHours(6).toMillis());
		double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
		return Duration.ofMillis((long) (capped * jitter));
	}

	@Override
	public void destroy() {
		pool.shutdown();
		try {
			pool.awaitTermination(15, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
