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

	final CachingConnectionFactory broker = new CachingConnectionFactory("127.0.0.1", 5672);

	@AfterEach
	void restore() {
		appConnections.setAddresses("127.0.0.1:5672");
		appConnections.resetConnection();
		broker.destroy();
	}

	@Test
	void events_published_while_the_broker_is_unreachable_all_arrive_once_when_it_is_back() {
		RabbitAdmin admin = new RabbitAdmin(broker);
		TopicExchange exchange = new TopicExchange(RabbitEventPublisher.EXCHANGE, true, false);
		admin.declareExchange(exchange);
		Queue queue = new Queue("settledesk-test-" + UUID.randomUUID(), false, false, true);
		admin.declareQueue(queue);
		admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with("ticket.#"));

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
}
