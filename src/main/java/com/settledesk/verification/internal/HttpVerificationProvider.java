package com.settledesk.verification.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

import com.settledesk.shared.Masking;
import com.settledesk.shared.OutsidePartyMonitor;
import com.settledesk.verification.AccountVerifier;
import com.settledesk.verification.FourElements;
import com.settledesk.verification.VerificationOutcome;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The four-element check (四要素) through a provider's JSON API over HTTPS, signed with HMAC-SHA256 (format in
 * docs/verification-provider.md). A timeout is tried again (only a timeout: a refusal or a malformed answer
 * would be refused again); no usable answer is TIMEOUT, which leaves the check pending for the retry job.
 * Behind a circuit breaker, so a dead provider is not waited for on every request.
 */
@Component
@ConditionalOnProperty(name = "settledesk.verification.provider", havingValue = "http")
@EnableConfigurationProperties(VerificationProviderProperties.class)
class HttpVerificationProvider implements AccountVerifier, HealthIndicator {

	static final String PATH = "/v1/bankcard/four-elements";
	private static final Logger log = LoggerFactory.getLogger(HttpVerificationProvider.class);

	private final VerificationProviderProperties properties;
	private final Environment environment;
	private final JsonMapper json;
	private final Clock clock;
	private final OutsidePartyMonitor monitor;
	/** Built on first use: the JDK's client loads the default TLS context, a sixth of a second of every start. */
	private final SingletonSupplier<HttpClient> http;
	private volatile URI endpoint;

	HttpVerificationProvider(VerificationProviderProperties properties, Environment environment, JsonMapper json,
			Clock clock, MeterRegistry meters) {
		if (properties.baseUrl() == null || properties.baseUrl().isBlank() || properties.apiKey() == null
				|| properties.apiKey().isBlank() || properties.secret() == null || properties.secret().length() < 16) {
			throw new IllegalStateException("settledesk.verification.http.base-url, .api-key and .secret (at least 16 "
					+ "characters) are required for the HTTP verification provider");
		}
		this.properties = properties;
		this.environment = environment;
		this.json = json;
		this.clock = clock;
		this.monitor = new OutsidePartyMonitor("verification", meters, clock, properties.openFor());
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(properties.timeout()).build());
	}

	@Override
	public VerificationOutcome verify(FourElements elements) {
		String card = Masking.maskAccountNumber(elements.cardNumber());
		try {
			VerificationOutcome outcome = monitor.call(() -> ask(elements));
			monitor.succeeded(outcome.name());
			log.info("Four-element check of {}: {}", card, outcome);
			return outcome;
		}
		catch (CallNotPermittedException open) {
			monitor.failed("CIRCUIT_OPEN", "circuit open");
			log.warn("Four-element check of {} not sent: the provider failed repeatedly and is rested for a while", card);
			return VerificationOutcome.TIMEOUT;
		}
		catch (ProviderProblem problem) {
			monitor.failed(problem.outcome, problem.getMessage());
			log.warn("Four-element check of {} got no answer: {}", card, problem.getMessage());
			return VerificationOutcome.TIMEOUT;
		}
	}

	/** One check, a timeout tried again up to the configured attempts; a problem is thrown for the breaker. */
	private VerificationOutcome ask(FourElements elements) {
		String body = body(elements);
		for (int attempt = 1;; attempt++) {
			try {
				HttpResponse<String> response = http.obtain().send(request(body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return answer(response);
			}
			catch (HttpTimeoutException timeout) {
				if (attempt >= properties.attempts()) {
					throw new ProviderProblem("TIMEOUT", "no answer within " + properties.timeout() + " (" + attempt + " tries)");
				}
			}
			catch (IOException e) {
				throw new ProviderProblem("UNREACHABLE", "connection failed: " + e.getClass().getSimpleName());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new ProviderProblem("INTERRUPTED", "interrupted");
			}
		}
	}

	private VerificationOutcome answer(HttpResponse<String> response) {
		if (response.statusCode() != 200) {
			throw new ProviderProblem("REFUSED", "HTTP " + response.statusCode());
		}
		String result;
		try {
			JsonNode answer = json.readTree(response.body());
			result = answer.path("result").asString("");
		}
		catch (RuntimeException malformed) {
			throw new ProviderProblem("MALFORMED", "the answer is not JSON");
		}
		return switch (result) {
			case "CONSISTENT" -> VerificationOutcome.MATCH;
			case "INCONSISTENT" -> VerificationOutcome.MISMATCH;
			case "CARD_INVALID" -> VerificationOutcome.CARD_CLOSED;
			default -> throw new ProviderProblem("MALFORMED", "unknown result");
		};
	}

	private HttpRequest request(String body) {
		String timestamp = Long.toString(clock.instant().getEpochSecond());
		String nonce = UUID.randomUUID().toString();
		return HttpRequest.newBuilder(endpoint())
			.timeout(properties.timeout())
			.header("Content-Type", "application/json; charset=utf-8")
			.header("X-Api-Key", properties.apiKey())
			.header("X-Timestamp", timestamp)
			.header("X-Nonce", nonce)
			.header("X-Signature", ProviderSignature.sign(properties.secret(), timestamp, nonce, body))
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
	}

	private String body(FourElements elements) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("requestId", UUID.randomUUID().toString());
		fields.put("name", elements.name());
		fields.put("idNumber", elements.idNumber());
		fields.put("cardNumber", elements.cardNumber());
		fields.put("mobile", elements.reservedPhone());
		return json.writeValueAsString(fields);
	}

	private URI endpoint() {
		if (endpoint == null) {
			String base = environment.resolveRequiredPlaceholders(properties.baseUrl());
			endpoint = URI.create(base.replaceAll("/+$", "") + PATH);
		}
		return endpoint;
	}

	@Override
	public Health health() {
		return monitor.health();
	}

	/** No usable answer; the outcome names it for the metric. Carries no card data. */
	private static final class ProviderProblem extends RuntimeException {

		private final String outcome;

		ProviderProblem(String outcome, String message) {
			super(message, null, false, false);
			this.outcome = outcome;
		}
	}
}
