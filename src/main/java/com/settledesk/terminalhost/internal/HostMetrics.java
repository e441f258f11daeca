package com.settledesk.terminalhost.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** The host's meters: messages by type and response code, MAC failures by terminal, open connections. */
@Component
class HostMetrics {

	private final MeterRegistry meters;
	private final AtomicInteger connections = new AtomicInteger();

	HostMetrics(MeterRegistry meters) {
		this.meters = meters;
		Gauge.builder("settledesk.terminal.host.connections", connections, AtomicInteger::get)
			.description("Open terminal connections").register(meters);
	}

	void answered(String mti, String responseCode) {
		Counter.builder("settledesk.terminal.host.messages").tag("mti", mti).tag("code", responseCode)
			.description("Requests answered by the terminal host").register(meters).increment();
	}

	void unreadable() {
		meters.counter("settledesk.terminal.host.unreadable").increment();
	}

	void macFailure(String terminalId) {
		meters.counter("settledesk.terminal.host.mac.failures", "terminal", terminalId).increment();
	}

	void connected() {
		connections.incrementAndGet();
	}

	void disconnected() {
		connections.decrementAndGet();
	}

	int openConnections() {
		return connections.get();
	}
}
