package com.settledesk.servicedesk.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.settledesk.servicedesk.Tickets;

/** Closes resolved tickets nobody replied to within the configured time (settledesk.service-desk.close-after). */
@Component
class QuietTickets {

	private static final Logger log = LoggerFactory.getLogger(QuietTickets.class);

	private final Tickets tickets;

	QuietTickets(Tickets tickets) {
		this.tickets = tickets;
	}

	@Scheduled(fixedDelayString = "${settledesk.service-desk.close-check:PT15M}", initialDelayString = "PT2M")
	void close() {
		int closed = tickets.closeQuietTickets();
		if (closed > 0) {
			log.info("Closed {} resolved tickets without a reply", closed);
		}
	}
}
