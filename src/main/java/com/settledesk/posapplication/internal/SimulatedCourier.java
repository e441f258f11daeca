package com.settledesk.posapplication.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.settledesk.posapplication.Carrier;
import com.settledesk.shared.SimulatedCounterparty;

/**
 * The demo's courier: a parcel is signed for some time after shipping (the configured delay plus up to half of it
 * again, fixed per tracking number), and now and then the carrier's system does not answer.
 */
@Component
@ConditionalOnProperty(name = "settledesk.courier.provider", havingValue = "simulator")
class SimulatedCourier implements Courier, SimulatedCounterparty {

	private final Clock clock;
	private final Duration deliveryAfter;
	private final int failurePercent;

	SimulatedCourier(Clock clock, @Value("${settledesk.courier.simulator.delivery-after:PT2M}") Duration deliveryAfter,
			@Value("${settledesk.courier.simulator.failure-percent:10}") int failurePercent) {
		this.clock = clock;
		this.deliveryAfter = deliveryAfter;
		this.failurePercent = failurePercent;
	}

	@Override
	public Optional<Instant> deliveredAt(Carrier carrier, String trackingNo, Instant shippedAt) {
		if (ThreadLocalRandom.current().nextInt(100) < failurePercent) {
			throw new IllegalStateException("The carrier's tracking service did not answer");
		}
		long spread = Math.floorMod(trackingNo.hashCode(), Math.max(1, deliveryAfter.toMillis() / 2));
		Instant signed = shippedAt.plus(deliveryAfter).plusMillis(spread);
		return signed.isAfter(clock.instant()) ? Optional.empty() : Optional.of(signed);
	}

	@Override
	public String counterparty() {
		return "courier";
	}
}
