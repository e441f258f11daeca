package com.settledesk.posapplication.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.settledesk.posapplication.TerminalApplicationView;

/**
 * Asks the courier about shipped applications and marks the delivered ones. Without a courier adapter (the
 * production default until one is contracted) terminal operations confirm delivery by hand.
 */
@Component
class DeliveryTracking {

	private static final Logger log = LoggerFactory.getLogger(DeliveryTracking.class);

	private final TerminalApplicationRepository applications;
	private final TerminalApplicationService service;
	private final ObjectProvider<Courier> courier;
	private final Clock clock;

	DeliveryTracking(TerminalApplicationRepository applications, TerminalApplicationService service,
			ObjectProvider<Courier> courier, Clock clock) {
		this.applications = applications;
		this.service = service;
		this.courier = courier;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${settledesk.courier.poll-interval:PT30S}",
			initialDelayString = "${settledesk.courier.poll-interval:PT30S}")
	void poll() {
		Courier carrier = courier.getIfAvailable();
		if (carrier == null) {
			return;
		}
		for (var id : applications.shippedBefore(clock.instant(), 200)) {
			Optional<TerminalApplicationView> application = service.find(id);
			if (application.isEmpty() || application.get().trackingNo() == null) {
				continue;
			}
			TerminalApplicationView a = application.get();
			try {
				Instant shippedAt = a.history().stream()
					.filter(h -> h.status() == com.settledesk.posapplication.ApplicationStatus.SHIPPED)
					.map(h -> h.at()).findFirst().orElse(clock.instant());
				carrier.deliveredAt(a.carrier(), a.trackingNo(), shippedAt).ifPresent(at -> service.delivered(id, at));
			}
			catch (RuntimeException e) {
				log.info("Tracking {} of {} not available now: {}", a.trackingNo(), a.number(), e.getMessage());
			}
		}
	}
}
