package com.settledesk.integration.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.settledesk.acquiring.TransactionsCaptured;
import com.settledesk.integration.EventType;

/**
 * Decides inside the capture's transaction whether its sales concern anyone. Sales are the one event of every
 * capture, and most merchants subscribe to none: for those a capture then costs one indexed read instead of a
 * publication row, and after the commit a listener's whole transaction (the terminal host's group commit measured
 * them as a third of its database round trips). The read goes out with the capture's held inserts, so a group
 * commit pays no round trip of its own for it. Deciding in the same transaction loses nothing: an endpoint
 * registered after this read would not have been sent a sale captured before it anyway.
 */
@Component
class SalesFilter {

	private final EndpointRepository endpoints;
	private final ApplicationEventPublisher events;
	private final boolean rabbitEnabled;

	SalesFilter(EndpointRepository endpoints, ApplicationEventPublisher events,
			@Value("${settledesk.events.rabbitmq.enabled:false}") boolean rabbitEnabled) {
		this.endpoints = endpoints;
		this.events = events;
		this.rabbitEnabled = rabbitEnabled;
	}

	@EventListener
	void on(TransactionsCaptured e) {
		if (rabbitEnabled) {
			events.publishEvent(new SalesToRecord(e.transactionIds()));
			return;
		}
		endpoints.subscribedAmongWithWrites(e.merchantIds(), EventType.TRANSACTION_CAPTURED, subscribed -> {
			if (!subscribed.isEmpty()) {
				events.publishEvent(new SalesToRecord(e.transactionIds()));
			}
		});
	}
}
