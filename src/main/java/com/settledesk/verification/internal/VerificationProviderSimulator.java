package com.settledesk.verification.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.Masking;
import com.settledesk.shared.SimulatedCounterparty;
import com.settledesk.verification.VerificationOutcome;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's four-element provider: it speaks the provider's protocol (docs/verification-provider.md) over
 * HTTP, so the demo runs the real adapter end to end. It checks the key, the signature and the timestamp like
 * a provider would, answers after a network-like delay, CONSISTENT unless told otherwise for a card (by
 * fingerprint, so no number is kept), and for a TIMEOUT answers only after the adapter has given up.
 */
@RestController
@ConditionalOnBooleanProperty("settledesk.verification.simulator.enabled")
@EnableConfigurationProperties(VerificationProviderProperties.class)
class VerificationProviderSimulator implements SimulatedCounterparty {

	static final String PATH = "/sim/verification" + HttpVerificationProvider.PATH;
	private static final Logger log = LoggerFactory.getLogger(VerificationProviderSimulator.class);
	private static final Duration FRESHNESS = Duration.ofMinutes(5);

	private final SensitiveDataProtector protector;
	private final VerificationProviderProperties properties;
	private final JsonMapper json;
	private final Clock clock;
	private final Duration latency;
	private final Map<String, VerificationOutcome> outcomes = new ConcurrentHashMap<>();

	VerificationProviderSimulator(SensitiveDataProtector protector, VerificationProviderProperties properties,
			JsonMapper json, Clock clock, @Value("${settledesk.verification.simulated-latency:300ms}") Duration latency) {
		this.protector = protector;
		this.properties = properties;
		this.json = json;
		this.clock = clock;
		this.latency = latency;
	}

	void answer(String accountNumber, VerificationOutcome outcome) {
		outcomes.put(protector.fingerprint(accountNumber), outcome);
	}

	@PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> check(@RequestBody String body, @RequestHeader("X-Api-Key") String apiKey,
			@RequestHeader("X-Timestamp") String timestamp, @RequestHeader("X-Nonce") String nonce,
			@RequestHeader("X-Signature") String signature) {
		if (!apiKey.equals(properties.apiKey()) || !fresh(timestamp)
				|| !ProviderSignature.matches(properties.secret(), timestamp, nonce, body, signature)) {
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("code", "SIGNATURE_INVALID"));
		}
		JsonNode request = json.readTree(body);
		String card = request.path("cardNumber").asString("");
		VerificationOutcome outcome = outcomes.getOrDefault(protector.fingerprint(card), VerificationOutcome.MATCH);
		pause(outcome == VerificationOutcome.TIMEOUT ? properties.timeout().plusMillis(300) : jittered(latency));
		log.info("Simulated provider checked {}: {}", Masking.maskAccountNumber(card), outcome);
		String result = switch (outcome) {
			case MATCH, TIMEOUT -> "CONSISTENT";
			case MISMATCH -> "INCONSISTENT";
			case CARD_CLOSED -> "CARD_INVALID";
		};
		return ResponseEntity.ok(Map.of("requestId", request.path("requestId").asString(""), "result", result));
	}

	private boolean fresh(String timestamp) {
		try {
			long age = Math.abs(clock.instant().getEpochSecond() - Long.parseLong(timestamp));
			return age <= FRESHNESS.toSeconds();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static Duration jittered(Duration base) {
		return base.isZero() ? base
				: Duration.ofMillis(ThreadLocalRandom.current().nextLong(base.toMillis() / 2, base.toMillis() + 1));
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
