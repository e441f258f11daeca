package com.settledesk.integration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.testsupport.MutableClock;

/** Signed webhooks to a real HTTP receiver (WireMock) as api-v1.md ("Webhooks") pins them. */
@IntegrationTest
class WebhookIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Tickets tickets;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	final WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());

	MerchantFixtures.TestMerchant merchant;
	String owner;

	@BeforeEach
	void aReceiver() {
		receiver.start();
		receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
		merchant = fixtures.individual();
		owner = api.token(merchant.owner());
	}

	@AfterEach
	void stop() {
		receiver.stop();
	}

	String register(String... events) {
		var created = api.post("/api/v1/merchant/webhook-endpoints", Map.of("url", receiver.baseUrl() + "/hook",
				"events", List.of(events)), owner);
		assertThat(created.status()).isEqualTo(201);
		return created.json().get("secret").asString() + "|" + created.json().get("id").asString();
	}

	UUID openTicket(String subject) {
		CurrentUser user = new CurrentUser(UUID.randomUUID(), merchant.owner(), "owner", Role.MERCHANT_OWNER,
				merchant.profile().id());
		return tickets.open(user, new NewTicket("OTHER", subject, "body", null, List.of()), null).ticket().id();
	}

	/** Runs the dispatcher (and moves the clock) until the receiver has {@code count} requests. */
	List<LoggedRequest> received(int count, Duration step) {
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			clock.advance(step);
			dispatcher.dispatch();
			return receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size() >= count;
		});
		return receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
	}

	/** An implementation of the receiver's check written from the contract, not from the sender's code. */
	static boolean signatureValid(String header, String body, String secret, long now) throws Exception {
		long t = -1;
		List<String> v1 = new ArrayList<>();
		for (String part : header.split(",")) {
			String[] kv = part.split("=", 2);
			if (kv[0].equals("t")) {
				t = Long.parseLong(kv[1]);
			}
			else if (kv[0].equals("v1")) {
				v1.add(kv[1]);
			}
		}
		if (Math.abs(now - t) > 300) {
			return false;
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
		return v1.stream().anyMatch(expected::equals);
	}

	@Test
	void an_event_arrives_signed_with_its_id_and_a_masked_body() throws Exception {
		String secret = register("ticket.status_changed").split("\\|")[0];
		openTicket("webhook " + UUID.randomUUID());
		LoggedRequest request = received(1, Duration.ofMillis(100)).get(0);
		String body = request.getBodyAsString();
		assertThat(body).contains("\"type\":\"ticket.status_changed\"", "\"merchantNo\":\""
				+ merchant.profile().merchantNo() + "\"", "\"to\":\"OPEN\"");
		assertThat(request.getHeader("SettleDesk-Event-Id")).isNotBlank();
		assertThat(body).contains(request.getHeader("SettleDesk-Event-Id"));
		assertThat(signatureValid(request.getHeader("SettleDesk-Signature"), body, secret, clock.instant().getEpochSecond()))
			.isTrue();
		assertThat(signatureValid(request.getHeader("SettleDesk-Signature"), body, "whsec_wrong",
				clock.instant().getEpochSecond())).isFalse();
		var log = api.get("/api/v1/merchant/webhook-endpoints/" + register("ticket.status_changed").split("\\|")[1]
				+ "/deliveries", owner);
		assertThat(log.status()).isEqualTo(200);
	}

	@Test
	void after_a_roll_both_secrets_verify_during_the_overlap_and_only_the_new_one_after() throws Exception {
		String[] registered = register("ticket.status_changed").split("\\|");
		String old = registered[0];
		String fresh = api.post("/api/v1/merchant/webhook-endpoints/" + registered[1] + "/secret/roll", Map.of(), owner)
			.json().get("secret").asString();
		openTicket("roll " + UUID.randomUUID());
		LoggedRequest during = received(1, Duration.ofMillis(100)).get(0);
		long now = clock.instant().getEpochSecond();
		assertThat(signatureValid(during.getHeader("SettleDesk-Signature"), during.getBodyAsString(), old, now)).isTrue();
		assertThat(signatureValid(during.getHeader("SettleDesk-Signature"), during.getBodyAsString(), fresh, now)).isTrue();
		clock.advance(Duration.ofHours(25));
		owner = api.token(merchant.owner());
		openTicket("after " + UUID.randomUUID());
		LoggedRequest after = received(2, Duration.ofMillis(100)).get(1);
		now = clock.instant().getEpochSecond();
		assertThat(signatureValid(after.getHeader("SettleDesk-Signature"), after.getBodyAsString(), old, now)).isFalse();
		assertThat(signatureValid(after.getHeader("SettleDesk-Signature"), after.getBodyAsString(), fresh, now)).isTrue();
	}

	@Test
	void a_receiver_failing_three_times_gets_the_event_on_the_fourth_attempt_and_later_events_in_order() {
		receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500)).willSetStateTo("1"));
		receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("1")
			.willReturn(aResponse().withStatus(503)).willSetStateTo("2"));
		receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("2")
			.willReturn(aResponse().withFixedDelay(50).withStatus(502)).willSetStateTo("ok"));
		receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("ok")
			.willReturn(aResponse().withStatus(200)));
		String endpoint = register("ticket.status_changed").split("\\|")[1];
		UUID first = openTicket("first " + UUID.randomUUID());
		List<LoggedRequest> requests = received(4, Duration.ofSeconds(30));
		assertThat(requests).hasSize(4);
		UUID second = openTicket("second " + UUID.randomUUID());
		requests = received(5, Duration.ofSeconds(1));
		assertThat(requests.get(4).getBodyAsString()).contains(tickets.findForAgent(second).orElseThrow().number());
		assertThat(requests.get(0).getBodyAsString()).contains(tickets.findForAgent(first).orElseThrow().number());
		var deliveries = api.get("/api/v1/merchant/webhook-endpoints/" + endpoint + "/deliveries", owner).json();
		var oldest = deliveries.get(deliveries.size() - 1);
		assertThat(oldest.get("status").asString()).isEqualTo("DELIVERED");
		assertThat(oldest.get("attempts").asInt()).isEqualTo(4);
		assertThat(oldest.get("responseCode").asInt()).isEqualTo(200);
		String eventId = oldest.get("eventId").asString();
		assertThat(api.post("/api/v1/merchant/webhook-endpoints/" + endpoint + "/deliveries/" + eventId + "/redeliver",
				Map.of(), owner).status()).isEqualTo(202);
		assertThat(received(6, Duration.ofMillis(100)).get(5).getHeader("SettleDesk-Event-Id")).isEqualTo(eventId);
	}

	@Test
	void one_dispatch_delivers_an_endpoints_waiting_events_back_to_back_in_their_order() {
		UUID endpoint = UUID.fromString(register("ticket.status_changed").split("\\|")[1]);
		for (int i = 0; i < 20; i++) {
			openTicket("burst " + i + " " + UUID.randomUUID());
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
				"SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :endpoint").param("endpoint", endpoint)
			.query(Long.class).single() == 20);
		clock.advance(Duration.ofMillis(100));
		dispatcher.dispatch();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).size() >= 20);
		List<String> inSeq = jdbc.sql("""
				SELECT d.event_id FROM webhook_delivery d WHERE d.endpoint_id = :endpoint ORDER BY d.seq""")
			.param("endpoint", endpoint).query(String.class).list();
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
			.map(r -> r.getHeader("SettleDesk-Event-Id")).toList()).isEqualTo(inSeq);
	}

	@Test
	void an_endpoint_failing_for_too_long_is_disabled_and_the_owner_told() {
		receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(500)));
		String endpoint = register("ticket.status_changed").split("\\|")[1];
		openTicket("down " + UUID.randomUUID());
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			clock.advance(Duration.ofMinutes(1));
			dispatcher.dispatch();
			return api.get("/api/v1/merchant/webhook-endpoints", api.token(merchant.owner())).body().contains("DISABLED");
		});
		assertThat(api.get("/api/v1/dev/outbox?to=" + merchant.phone(), null).body()).contains("Webhook");
		assertThat(api.post("/api/v1/merchant/webhook-endpoints/" + endpoint + "/ping", Map.of(),
				api.token(merchant.owner())).status()).isEqualTo(409);
	}

	@Test
	void the_owner_enables_a_disabled_endpoint_again_and_it_gets_the_events_from_then_on() {
		receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(500)));
		String endpoint = register("ticket.status_changed").split("\\|")[1];
		String enable = "/api/v1/merchant/webhook-endpoints/" + endpoint + "/enable";
		assertThat(api.post(enable, Map.of(), owner).status()).isEqualTo(409);
		openTicket("down " + UUID.randomUUID());
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			clock.advance(Duration.ofMinutes(1));
			dispatcher.dispatch();
			return api.get("/api/v1/merchant/webhook-endpoints", owner).body().contains("DISABLED");
		});
		var stranger = fixtures.individual();
		assertThat(api.post(enable, Map.of(), api.token(stranger.owner())).status()).isEqualTo(404);
		receiver.resetRequests();
		receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
		dispatcher.dispatch();
		assertThat(api.post(enable, Map.of(), owner).status()).isEqualTo(204);
		assertThat(api.get("/api/v1/merchant/webhook-endpoints", owner).body()).contains("ACTIVE")
			.doesNotContain("DISABLED");
		String subject = "back " + UUID.randomUUID();
		openTicket(subject);
		List<LoggedRequest> after = received(1, Duration.ofSeconds(1));
		assertThat(after).extracting(r -> json.readTree(r.getBodyAsString()).get("type").asString())
			.contains("ticket.status_changed");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = 'WEBHOOK_ENDPOINT_ENABLED' AND target_id = :id")
			.param("id", endpoint).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void a_ping_goes_to_its_endpoint_only_and_another_merchants_endpoint_is_not_found() {
		String endpoint = register("ticket.status_changed").split("\\|")[1];
		var ping = api.post("/api/v1/merchant/webhook-endpoints/" + endpoint + "/ping", Map.of(), owner);
		assertThat(ping.status()).isEqualTo(202);
		assertThat(received(1, Duration.ofMillis(100)).get(0).getBodyAsString()).contains("\"type\":\"ping\"");
		String stranger = api.token(fixtures.individual().owner());
		assertThat(api.post("/api/v1/merchant/webhook-endpoints/" + endpoint + "/ping", Map.of(), stranger).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/webhook-endpoints/" + endpoint + "/deliveries", stranger).status())
			.isEqualTo(404);
		assertThat(api.method("DELETE", "/api/v1/merchant/webhook-endpoints/" + endpoint, stranger).status())
			.isEqualTo(404);
		assertThat(api.get("/api/v1/merchant/webhook-endpoints", api.token(merchant.cashier())).status()).isEqualTo(403);
		assertThat(api.post("/api/v1/merchant/webhook-endpoints", Map.of("url", "ftp://x", "events", List.of("nope")),
				owner).body()).contains("HTTPS_REQUIRED", "UNKNOWN_EVENT_TYPE");
	}

	@Test
	void a_change_that_rolled_back_has_no_event() {
		register("ticket.status_changed");
		String subject = "rolled back " + UUID.randomUUID();
		try {
			tx.executeWithoutResult(status -> {
				openTicket(subject);
				throw new IllegalStateException("the change fails after the ticket was opened");
			});
		}
		catch (IllegalStateException expected) {
			// the transaction rolled back
		}
		openTicket("kept " + UUID.randomUUID());
		received(1, Duration.ofMillis(100));
		assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(1)
			.allSatisfy(r -> assertThat(r.getBodyAsString()).doesNotContain("rolled back"));
	}

	@Autowired
	com.settledesk.acquiring.Transactions transactions;

	@Autowired
	com.settledesk.payout.Payouts payouts;

	@Autowired
	tools.jackson.databind.json.JsonMapper json;

	@Test
	void a_sale_and_its_failed_payout_arrive_as_transaction_and_payout_events_in_order() {
		register("transaction.captured", "payout.created", "payout.failed", "payout.paid");
		api.post("/api/v1/dev/bank/outcomes", Map.of("accountNumber", merchant.currentCard(), "outcome", "FAILED",
				"reason", "账户已冻结"), null);
		String reference = "RRN" + UUID.randomUUID().toString().substring(0, 16);
		transactions.capture(new com.settledesk.acquiring.Capture(reference, merchant.profile().merchantNo(),
				merchant.terminalSn(), "QR_WECHAT", "NONE", 20000L, clock.instant()));
		// Listeners of separate transactions run concurrently: the sale's event is recorded before the sweep runs.
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM integration_event "
				+ "WHERE merchant_id = :m AND type = 'TRANSACTION_CAPTURED'").param("m", merchant.profile().id().value())
			.query(Long.class).single() == 1);
		payouts.settle("D0");
		await().atMost(Duration.ofSeconds(15)).until(() -> payouts.ofMerchant(merchant.profile().id(), 5).stream()
			.anyMatch(p -> p.status().name().equals("FAILED")));
		List<LoggedRequest> requests = received(3, Duration.ofMillis(100));
		assertThat(requests).extracting(r -> json.readTree(r.getBodyAsString()).get("type").asString())
			.containsExactly("transaction.captured", "payout.created", "payout.failed");
		var captured = json.readTree(requests.get(0).getBodyAsString()).get("data");
		assertThat(captured.get("reference").asString()).isEqualTo(reference);
		assertThat(captured.get("amountFen").asLong()).isEqualTo(20000);
		var failed = json.readTree(requests.get(2).getBodyAsString()).get("data");
		assertThat(failed.get("failureReason").asString()).isEqualTo("账户已冻结");
		assertThat(failed.get("destinationMasked").asString()).contains("*").doesNotContain(merchant.currentCard());
	}

	@Test
	void a_sale_is_handed_to_the_feed_only_when_an_endpoint_of_its_merchant_subscribed_to_sales() {
		register("payout.paid");
		long before = salesPublications();
		capture(100L);
		assertThat(salesPublications()).isEqualTo(before);
		register("transaction.captured");
		capture(200L);
		assertThat(salesPublications()).isEqualTo(before + 1);
		List<LoggedRequest> requests = received(1, Duration.ofMillis(100));
		assertThat(json.readTree(requests.get(0).getBodyAsString()).get("data").get("amountFen").asLong())
			.isEqualTo(200);
	}

	long salesPublications() {
		return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE '%SalesToRecord'")
			.query(Long.class).single();
	}

	void capture(long fen) {
		transactions.capture(new com.settledesk.acquiring.Capture("RRN" + UUID.randomUUID().toString().substring(0, 16),
				merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", fen, clock.instant()));
	}

	@Test
	void the_domain_events_survive_the_publication_registrys_json_round_trip() {
		var t = transactions.capture(new com.settledesk.acquiring.Capture("RRN" + UUID.randomUUID().toString()
			.substring(0, 16), merchant.profile().merchantNo(), merchant.terminalSn(), "QR_WECHAT", "NONE", 100L,
				clock.instant())).transaction();
		for (Object event : List.of(new SalesToRecord(List.of(t.id())),
				new com.settledesk.acquiring.TransactionUndone(t), new IntegrationEventsRecorded(List.of(
						UUID.randomUUID())))) {
			assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
		}
		var payout = new com.settledesk.payout.PayoutView(UUID.randomUUID(), merchant.profile().id(), "D0",
				com.settledesk.shared.Money.ofFen(10000), com.settledesk.shared.Money.ofFen(50),
				com.settledesk.shared.Money.ofFen(9950), com.settledesk.payout.PayoutStatus.FAILED, UUID.randomUUID(),
				"622202*********6788", 2, "账户已冻结", clock.instant(), clock.instant(), null, clock.instant());
		for (Object event : List.of(new com.settledesk.payout.PayoutsCreated(List.of(payout.id())),
				new com.settledesk.payout.PayoutSettled(payout, false))) {
			assertThat(json.readValue(json.writeValueAsString(event), event.getClass())).isEqualTo(event);
		}
	}

	@Test
	void no_event_body_holds_a_full_card_or_id_number() {
		register("change_request.status_changed");
		String card = MerchantFixtures.icbcCard();
		new com.settledesk.testsupport.ChangeRequestDriver(api, fixtures, merchant).submitChange(card);
		List<LoggedRequest> requests = received(1, Duration.ofMillis(100));
		assertThat(requests.get(0).getBodyAsString()).contains("change_request.status_changed").doesNotContain(card,
				merchant.legalId());
		List<String> bodies = jdbc.sql("SELECT body FROM integration_event").query(String.class).list();
		// merchant numbers have 15 digits; card numbers 16 to 19, resident ID numbers 18
		assertThat(bodies).allSatisfy(body -> assertThat(body).doesNotContainPattern("(?<!\\d)\\d{16,19}(?!\\d)")
			.doesNotContainPattern("(?<!\\d)\\d{17}[0-9X](?!\\d)"));
	}
}
