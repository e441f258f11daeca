package com.settledesk.integration.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.settledesk.SettleDeskApplication;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Two app instances on one database (on PostgreSQL in its CI run): each event is delivered by one of them, and a
 * delivery claimed by an instance that died is delivered by the other once the claim's lease ran out.
 */
@IntegrationTest
@TestPropertySource(properties = { "settledesk.webhooks.dispatch-interval=PT1H", "settledesk.webhooks.lease=PT10S" })
class WebhookInstancesIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Tickets tickets;

	@Autowired
	WebhookDispatcher dispatcher;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	com.settledesk.testsupport.MutableClock clock;

	@Test
	void each_event_is_delivered_by_one_of_two_instances_and_a_dead_instances_claim_is_taken_over() throws Exception {
		WireMockServer receiver = new WireMockServer(wireMockConfig().dynamicPort());
		receiver.start();
		receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withFixedDelay(20)));
		HikariDataSource shared = (HikariDataSource) dataSource;
		// Command-line arguments: they win over the test profile's own (random) database.
		ConfigurableApplicationContext second = new SpringApplicationBuilder(SettleDeskApplication.class)
			.profiles("test")
			.run("--spring.datasource.url=" + shared.getJdbcUrl(), "--spring.datasource.username=" + shared.getUsername(),
					"--spring.datasource.password=" + environment.getProperty("spring.datasource.password", ""),
					"--server.port=0", "--settledesk.terminal-host.port=0", "--settledesk.demo.enabled=false",
					"--settledesk.webhooks.dispatch-interval=PT1H", "--settledesk.webhooks.lease=PT10S");
		assertThat(second.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM merchant").query(Long.class).single())
			.as("one database").isEqualTo(jdbc.sql("SELECT COUNT(*) FROM merchant").query(Long.class).single());
		try {
			var merchant = fixtures.individual();
			var endpoint = api.post("/api/v1/merchant/webhook-endpoints", Map.of("url", receiver.baseUrl() + "/hook",
					"events", List.of("ticket.status_changed")), api.token(merchant.owner())).json().get("id").asString();
			CurrentUser owner = new CurrentUser(UUID.randomUUID(), merchant.owner(), "owner", Role.MERCHANT_OWNER,
					merchant.profile().id());
			for (int i = 0; i < 20; i++) {
				tickets.open(owner, new NewTicket("OTHER", "two instances " + i, "body", null, List.of()), null);
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(endpoint) == 20);

			// both instances' clocks agree (this one is moved by hand), as NTP keeps production's within the lease
			clock.advance(Duration.between(clock.instant(), Instant.now()));
			WebhookDispatcher other = second.getBean(WebhookDispatcher.class);
			AtomicBoolean running = new AtomicBoolean(true);
			Thread a = new Thread(() -> {
				while (running.get()) {
					dispatcher.dispatch();
				}
			});
			Thread b = new Thread(() -> {
				while (running.get()) {
					other.dispatch();
				}
			});
			a.start();
			b.start();
			await().atMost(Duration.ofSeconds(30)).until(() -> delivered(endpoint) == 20);
			running.set(false);
			a.join();
			b.join();
			await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
			var ids = receiver.findAll(postRequestedFor(urlEqualTo("/hook"))).stream()
				.map(r -> r.getHeader("SettleDesk-Event-Id")).collect(Collectors.groupingBy(id -> id, Collectors.counting()));
			assertThat(ids).hasSize(20).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1L));

			tickets.open(owner, new NewTicket("OTHER", "claimed by the one that dies", "body", null, List.of()), null);
			await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(endpoint) == 21);
			// The second instance claims the delivery (a claim is its lease) and dies before delivering it.
			assertThat(second.getBean(JdbcClient.class).sql("""
					UPDATE webhook_delivery SET lease_until = :lease WHERE endpoint_id = :e AND status = 'PENDING'""")
				.param("lease", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusSeconds(2))
				.param("e", UUID.fromString(endpoint)).update()).isEqualTo(1);
			second.close();
			dispatcher.dispatch();
			assertThat(delivered(endpoint)).as("still leased to the dead instance").isEqualTo(20);
			await().atMost(Duration.ofSeconds(15)).until(() -> {
				// this instance's clock is moved by hand: past the dead instance's lease
				clock.advance(Duration.ofSeconds(5));
				dispatcher.dispatch();
				return delivered(endpoint) == 21;
			});
			await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
			assertThat(receiver.findAll(postRequestedFor(urlEqualTo("/hook")))).hasSize(21);
		}
		finally {
			second.close();
			receiver.stop();
		}
	}

	long deliveries(String endpoint) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :e").param("e", UUID.fromString(endpoint))
			.query(Long.class).single();
	}

	long delivered(String endpoint) {
		return jdbc.sql("SELECT COUNT(*) FROM webhook_delivery WHERE endpoint_id = :e AND status = 'DELIVERED'")
			.param("e", UUID.fromString(endpoint)).query(Long.class).single();
	}
}
