package com.settledesk.integration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MerchantFixtures;
import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions;

/**
 * Events on the RabbitMQ of this machine (127.0.0.1:5672): while the app points at a dead port nothing is lost,
 * and once it points at the broker again every event arrives, once.
 */
@IntegrationTest
@TestPropertySource(properties = "settledesk.events.rabbitmq.enabled=true")
class RabbitEventsIntegrationTests {

	@Autowired
	CachingConnectionFactory appConnections;

	@Autowired
	RabbitEventPublisher publisher;

	@Autowired
	Tickets tickets;

	@Autowired
	MerchantFixtures fixtures;

	@Autowired
	Transactions transactions;

	@Autowired
	java.time.Clock clock;

	final CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", 5672);

	@AfterEach
	void restore() {
		appConnections.setAddresses("127.0.0.1:5672");
		appConnections.resetConnection();
		broker.destroy();
	}

	/** A queue of the test's own on the events exchange, gone when the test's connection closes. */
	static Queue queueBoundTo(RabbitAdmin admin, String routingKey) {
		TopicExchange exchange = new TopicExchange(RabbitEventPublisher.EXCHANGE, true, false);
		admin.declareExchange(exchange);
		Queue queue = new Queue("settledesk-test-" + UUID.randomUUID(), false, false, true);
		admin.declareQueue(queue);
		admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(routingKey));
		return queue;
	}

	@Test
	void events_published_while_the_broker_is_unreachable_all_arrive_once_when_it_is_back() {
		RabbitAdmin admin = new RabbitAdmin(broker);
		Queue queue = queueBoundTo(admin, "ticket.#");

		var merchant = fixtures.individual();
		CurrentUser owner = new CurrentUser(UUID.randomUUID(), merchant.owner(), "owner", Role.MERCHANT_OWNER,
				merchant.profile().id());
		// Spring Boot configures the connection factory by addresses, which win over a port set later.
		appConnections.setAddresses("127.0.0.1:1");
		appConnections.resetConnection();
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			numbers.add(tickets.open(owner, new NewTicket("OTHER", "mq " + i, "body", null, List.of()), null).ticket()
				.number());
		}
		RabbitTemplate consumer = new RabbitTemplate(broker);
		await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> admin.getQueueInfo(queue.getName()).getMessageCount() == 0);

		appConnections.setAddresses("127.0.0.1:5672");
		appConnections.resetConnection();
		publisher.resubmit(Duration.ZERO);

		Map<String, Integer> seen = new HashMap<>();
		Map<String, Message> byId = new HashMap<>();
		await().atMost(Duration.ofSeconds(20)).until(() -> {
			Message message;
			while ((message = consumer.receive(queue.getName())) != null) {
				String body = new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8);
				if (body.contains(merchant.profile().merchantNo())) {
					seen.merge(message.getMessageProperties().getMessageId(), 1, Integer::sum);
					byId.put(message.getMessageProperties().getMessageId(), message);
				}
			}
			return seen.size() >= 5;
		});
		publisher.resubmit(Duration.ZERO);
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> {
			Message message;
			while ((message = consumer.receive(queue.getName())) != null) {
				String body = new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8);
				if (body.contains(merchant.profile().merchantNo())) {
					seen.merge(message.getMessageProperties().getMessageId(), 1, Integer::sum);
				}
			}
			return true;
		});
		assertThat(seen).hasSize(5).allSatisfy((id, count) -> assertThat(count).as(id).isEqualTo(1));
		assertThat(byId.values()).allSatisfy(m -> {
			assertThat(m.getMessageProperties().getReceivedRoutingKey()).isEqualTo("ticket.status_changed");
			assertThat(m.getMessageProperties().getReceivedDeliveryMode())
				.isEqualTo(org.springframework.amqp.core.MessageDeliveryMode.PERSISTENT);
		});
		String all = String.join(" ", byId.values().stream().map(m -> new String(m.getBody(),
				java.nio.charset.StandardCharsets.UTF_8)).toList());
		assertThat(all).contains(numbers.toArray(String[]::new));
	}

	@Test
	void a_batch_capture_of_a_thousand_sales_reaches_the_broker_as_a_thousand_events() {
		Queue queue = queueBoundTo(new RabbitAdmin(broker), "transaction.captured");
		var merchant = fixtures.individual();
		List<Capture> captures = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			captures.add(new Capture("MQ" + UUID.randomUUID().toString().substring(0, 20), merchant.profile().merchantNo(),
					merchant.terminalSn(), "QR_WECHAT", "NONE", 100L + i, clock.instant()));
		}
		assertThat(transactions.captureAll(captures)).noneMatch(Transactions.BatchOutcome::isRejected);

		RabbitTemplate consumer = new RabbitTemplate(broker);
		java.util.Set<String> seen = new java.util.HashSet<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			Message message;
			while ((message = consumer.receive(queue.getName())) != null) {
				if (new String(message.getBody(), java.nio.charset.StandardCharsets.UTF_8)
					.contains(merchant.profile().merchantNo())) {
					seen.add(message.getMessageProperties().getMessageId());
				}
			}
			return seen.size() >= 1000;
		});
		assertThat(seen).hasSize(1000);
	}
}
