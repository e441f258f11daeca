package com.settledesk.cardchange.internal;

import org.springframework.stereotype.Component;

import com.settledesk.cardchange.ChangeRequestStatus;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** settledesk.cardchange.requests{status=…}: how many requests are in each state, read at scrape time. */
@Component
class CardChangeMetrics implements MeterBinder {

	private final ChangeRequestRepository requests;

	CardChangeMetrics(ChangeRequestRepository requests) {
		this.requests = requests;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ChangeRequestStatus status : ChangeRequestStatus.values()) {
			Gauge.builder("settledesk.cardchange.requests", requests, r -> r.countByStatus().getOrDefault(status, 0L))
				.description("Settlement card change requests by status")
				.tag("status", status.name())
				.register(registry);
		}
	}
}
