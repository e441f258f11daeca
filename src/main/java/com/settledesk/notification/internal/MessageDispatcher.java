package com.settledesk.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.notification.internal.MessageProvider.DeliveryFailedException;
import com.settledesk.shared.Masking;
import com.settledesk.shared.OutsidePartyMonitor;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Drains the message queue: due messages are claimed (another instance skips them), handed to the provider
 * outside any transaction, then marked sent, retried with backoff (10 s, 20 s, 40 s, … at most 10 minutes) or,
 * after the last attempt or a permanent refusal, marked failed for operators to see (console → 消息投递).
 */
@Component
class MessageDispatcher implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
	private static final Duration LEASE = Duration.ofMinutes(2);
	private static final int BATCH = 20;

	private final MessageQueue queue;
	private final List<MessageProvider> providers;
	private final TransactionTemplate tx;
	private final Clock clock;
	private final OutsidePartyMonitor monitor;
	private final int maxAttempts;
	private final Duration firstBackoff;

	MessageDispatcher(MessageQueue queue, List<MessageProvider> providers, TransactionTemplate tx, Clock clock,
			MeterRegistry meters, @Value("${settledesk.notification.max-attempts:6}") int maxAttempts,
			@Value("${settledesk.notification.first-backoff:10s}") Duration firstBackoff) {
		this.firstBackoff = firstBackoff;
		this.queue = queue;
		this.providers = providers;
		this.tx = tx;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.monitor = new OutsidePartyMonitor("messages", meters, clock, Duration.ofSeconds(30));
		monitor.reportBacklog(queue::backlog);
	}

	@Scheduled(fixedDelayString = "${settledesk.notification.dispatch-interval:1s}",
			initialDelayString = "${settledesk.notification.dispatch-interval:1s}")
	void dispatchDue() {
		if (!monitor.permitsCalls()) {
			return;
		}
		List<OutgoingMessage> due;
		do {
			Instant now = clock.instant();
			due = tx.execute(status -> queue.claimDue(now, now.plus(LEASE), BATCH));
			due.forEach(this::deliver);
		}
		while (due.size() == BATCH && monitor.permitsCalls());
	}

	/** A refused message (a bad number, a rate limit) is not the provider's failure: only no answer trips the breaker. */
	private void deliver(OutgoingMessage message) {
		try {
			Attempt attempt = monitor.call(() -> {
				try {
					MessageProvider provider = providers.stream().filter(p -> p.handles(message.channel())).findFirst()
						.orElseThrow(() -> DeliveryFailedException.refused("no provider for " + message.channel()));
					return new Attempt(provider.deliver(message), null);
				}
				catch (DeliveryFailedException e) {
					if (!e.unreachable()) {
						return new Attempt(null, e);
					}
					throw new ProviderRefusal(e);
				}
			});
			if (attempt.refusal() != null) {
				retryOrGiveUp(message, attempt.refusal().getMessage(), attempt.refusal().permanent());
				return;
			}
			monitor.succeeded("SENT");
			tx.executeWithoutResult(status -> queue.delivered(message.id(), attempt.reference(), clock.instant()));
		}
		catch (ProviderRefusal refusal) {
			retryOrGiveUp(message, refusal.failure.getMessage(), refusal.failure.permanent());
		}
		catch (CallNotPermittedException open) {
			retryOrGiveUp(message, "provider resting after repeated failures", false);
		}
		catch (RuntimeException unexpected) {
			retryOrGiveUp(message, "unexpected: " + unexpected.getClass().getSimpleName(), false);
		}
	}

	private void retryOrGiveUp(OutgoingMessage message, String reason, boolean permanent) {
		tx.executeWithoutResult(status -> {
			int attempts = queue.attempts(message.id());
			boolean giveUp = permanent || attempts >= maxAttempts;
			queue.failed(message.id(), reason, giveUp ? null : clock.instant().plus(backoff(firstBackoff, attempts)));
			monitor.failed(giveUp ? "FAILED" : "RETRY", reason);
			log.warn("{} to {} not delivered (attempt {}): {}{}", message.channel(),
					message.to().contains("@") ? Masking.maskEmail(message.to()) : Masking.maskPhone(message.to()),
					attempts, reason, giveUp ? "; given up" : "; tried again later");
		});
	}

	/** first, 2× first, 4× first, … at most 10 minutes. */
	static Duration backoff(Duration first, int attempts) {
		Duration delay = first.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 10));
		return delay.compareTo(Duration.ofMinutes(10)) > 0 ? Duration.ofMinutes(10) : delay;
	}

	@Override
	public Health health() {
		return monitor.health();
	}

	private record Attempt(String reference, DeliveryFailedException refusal) {
	}

	/** Carries a provider's refusal through the circuit breaker, which counts it as a failure. */
	private static final class ProviderRefusal extends RuntimeException {

		private final DeliveryFailedException failure;

		ProviderRefusal(DeliveryFailedException failure) {
			super(failure.getMessage(), null, false, false);
			this.failure = failure;
		}
	}
}
