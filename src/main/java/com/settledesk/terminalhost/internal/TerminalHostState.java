package com.settledesk.terminalhost.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.terminalhost.TerminalHost;

/** The host's live state for the console, and its health: UP while it listens, DOWN when it does not. */
@Component("terminalHost")
class TerminalHostState implements TerminalHost, HealthIndicator {

	private final TerminalHostServer server;
	private final HostMetrics metrics;
	private final HostRecords records;

	TerminalHostState(TerminalHostServer server, HostMetrics metrics, HostRecords records) {
		this.server = server;
		this.metrics = metrics;
		this.records = records;
	}

	@Override
	@Transactional(readOnly = true)
	public HostState state() {
		return new HostState(server.isRunning(), server.port(), metrics.openConnections(), metrics.lastMinutes(),
				metrics.macFailuresByTerminal(), records.openBatches(50), records.batchesThatDiffered(50));
	}

	@Override
	public Health health() {
		Health.Builder health = server.isRunning() ? Health.up() : Health.down();
		return health.withDetail("port", server.port()).withDetail("connections", metrics.openConnections())
			.withDetail("inFlight", server.inFlight()).build();
	}
}
