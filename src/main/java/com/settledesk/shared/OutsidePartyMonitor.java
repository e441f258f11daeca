package com.settledesk.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What an adapter to an outside party (bank, verification provider, SMS, e-mail) reports about itself: a
 * metric per outcome ({@code settledesk.outside.calls{party,outcome}}), the last success and failure, a
 * backlog when the adapter has one, and a circuit breaker — after repeated failures calls are refused at
 * once for a while, so a dead provider does not hold threads. Its health is the breaker's state: UP, or
 * DEGRADED while calls are refused — ranked below UP (application.properties), so a dead provider shows on its
 * component without making the whole application look dead to a load balancer.
 */
public final class OutsidePartyMonitor implements HealthIndicator {

	public static final Status DEGRADED = new Status("DEGRADED", "calls are refused while the provider rests");

	private final String party;
	private final MeterRegistry meters;
	private final Clock clock;
	private final CircuitBreaker breaker;
	private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
	private final AtomicReference<Instant> lastFailure = new AtomicReference<>();
	private final AtomicReference<String> lastProblem = new AtomicReference<>();
	private volatile Supplier<Long> backlog = () -> null;

	public OutsidePartyMonitor(String party, MeterRegistry meters, Clock clock, Duration openFor) {
		this.party = party;
		this.meters = meters;
		this.clock = clock;
		this.breaker = CircuitBreaker.of(party, CircuitBreakerConfig.custom()
			.slidingWindowSize(10)
			.minimumNumberOfCalls(5)
			.failureRateThreshold(50)
			.waitDurationInOpenState(openFor)
			.permittedNumberOfCallsInHalfOpenState(2)
			.build());
	}

	/** A call the breaker lets through, or {@link CallNotPermittedException} while it is open. */
	public <T> T call(Supplier<T> call) {
		return breaker.executeSupplier(call);
	}

	public boolean permitsCalls() {
		return breaker.getState() != CircuitBreaker.State.OPEN && breaker.getState() != CircuitBreaker.State.FORCED_OPEN;
	}

	public void succeeded(String outcome) {
		lastSuccess.set(clock.instant());
		count(outcome);
	}

	/** A failure with a short reason (never a secret, never a number): counted, remembered and fed to the breaker. */
	public void failed(String outcome, String problem) {
		lastFailure.set(clock.instant());
		lastProblem.set(problem);
		count(outcome);
	}

	public void reportBacklog(Supplier<Long> backlog) {
		this.backlog = backlog;
	}

	private void count(String outcome) {
		meters.counter("settledesk.outside.calls", "party", party, "outcome", outcome).increment();
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("circuit", breaker.getState().name());
		details.put("lastSuccessAt", String.valueOf(lastSuccess.get()));
		details.put("lastFailureAt", String.valueOf(lastFailure.get()));
		if (lastProblem.get() != null) {
			details.put("lastProblem", lastProblem.get());
		}
		Long waiting = backlog.get();
		if (waiting != null) {
			details.put("backlog", waiting);
		}
		return Health.status(permitsCalls() ? Status.UP : DEGRADED).withDetails(details).build();
	}
}
