package com.settledesk.verification.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.Masking;
import com.settledesk.verification.AccountVerifier;
import com.settledesk.verification.FourElements;
import com.settledesk.verification.VerificationOutcome;
import com.settledesk.shared.SimulatedCounterparty;

/**
 * Answers like a four-element provider: after a network round trip, MATCH unless told otherwise for a card
 * (by fingerprint, so no number is held). A TIMEOUT takes the provider's full timeout before giving up.
 */
@Component
@ConditionalOnProperty(name = "settledesk.verification.provider", havingValue = "simulator")
class SimulatedVerificationProvider implements AccountVerifier, SimulatedCounterparty {

	private static final Logger log = LoggerFactory.getLogger(SimulatedVerificationProvider.class);

	private final SensitiveDataProtector protector;
	private final Duration latency;
	private final Duration timeout;
	private final Map<String, VerificationOutcome> outcomes = new ConcurrentHashMap<>();

	SimulatedVerificationProvider(SensitiveDataProtector protector,
			@Value("${settledesk.verification.simulated-latency:300ms}") Duration latency,
			@Value("${settledesk.verification.timeout:2s}") Duration timeout) {
		this.protector = protector;
		this.latency = latency;
		this.timeout = timeout;
	}

	void answer(String accountNumber, VerificationOutcome outcome) {
		outcomes.put(protector.fingerprint(accountNumber), outcome);
	}

	@Override
	public VerificationOutcome verify(FourElements elements) {
		VerificationOutcome outcome = outcomes.getOrDefault(protector.fingerprint(elements.cardNumber()),
				VerificationOutcome.MATCH);
		pause(outcome == VerificationOutcome.TIMEOUT ? timeout : jittered(latency));
		log.info("Four-element check of {}: {}", Masking.maskAccountNumber(elements.cardNumber()), outcome);
		return outcome;
	}

	private static Duration jittered(Duration base) {
		return base.isZero() ? base : Duration.ofMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 2, base.toMillis() + 1));
	}

	private static void pause(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String counterparty() {
		return "verification";
	}
}
