package com.settledesk.shared;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Production never runs a simulator silently. With {@code settledesk.simulators.allowed=false} (production's
 * default) the start fails while any outside party is a simulator, naming each; when they are allowed there,
 * every start logs a warning and the console shows a banner ({@link #inUse()}).
 */
@Component
public class SimulatorPolicy implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SimulatorPolicy.class);

	private final List<String> inUse;
	private final boolean allowed;
	private final boolean warn;

	SimulatorPolicy(List<SimulatedCounterparty> simulators, @Value("${settledesk.simulators.allowed:false}") boolean allowed,
			@Value("${settledesk.simulators.warn:true}") boolean warn) {
		this.inUse = simulators.stream().map(SimulatedCounterparty::counterparty).sorted().toList();
		this.allowed = allowed;
		this.warn = warn;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (inUse.isEmpty()) {
			return;
		}
		if (!allowed) {
			throw new IllegalStateException("Simulators stand in for outside parties " + inUse
					+ ": configure the real adapters (settledesk.bank.channel, settledesk.verification.provider, "
					+ "settledesk.notification.provider) or set SETTLEDESK_ALLOW_SIMULATORS=true for a test system");
		}
		if (warn) {
			log.warn("SIMULATORS IN USE for {}: no real money moves, no real check or message is sent", inUse);
		}
	}

	/** The outside parties answered by a simulator, empty when every one is real. */
	public List<String> inUse() {
		return inUse;
	}
}
