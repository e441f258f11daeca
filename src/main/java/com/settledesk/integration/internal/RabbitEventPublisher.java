package com.settledesk.integration.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

import com.settledesk.integration.internal.DeliveryRepository.StoredEvent;

/**
 * Every integration event also goes to the durable topic exchange {@code settledesk.events}, routing key = the
 * event type, body = the webhook JSON, persistent, {@code message_id} = the event id, and counts as published only
 * when the broker confirmed it. A broker outage only delays events: the publication stays incomplete in the
 * registry and is handed here again until it is confirmed; the events of a publication go again together, so
 * consumers de-duplicate on the message id.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "settledesk.events.rabbitmq.enabled", havingValue = "true")
class RabbitEventPublisher {

	static final String EXCHANGE = "settledesk.events";
	private static final Duration CONFIRM_WITHIN = Duration.ofSeconds(10);

	private final RabbitTemplate rabbit;
	private final DeliveryRepository deliveries;
	private final FailedEventPublications failed;

	RabbitEventPublisher(RabbitTemplate rabbit, DeliveryRepository deliveries, FailedEventPublications failed) {
		this.rabbit = rabbit;
		this.deliveries = deliveries;
		this.failed = failed;
	}

	@Bean
	TopicExchange settledeskEvents() {
		return new TopicExchange(EXCHANGE, true, false);
	}

	/** Sends every event, then waits for the broker's confirms together: one round of waiting per publication. */
	@ApplicationModuleListener
	void on(IntegrationEventsRecorded recorded) throws Exception {
		List<CorrelationData> sent = new ArrayList<>(recorded.eventIds().size());
		for (StoredEvent event : deliveries.events(recorded.eventIds())) {
			MessageProperties properties = new MessageProperties();
			properties.setMessageId(event.id().toString());
			properties.setContentType("application/json");
			properties.setContentEncoding("utf-8");
			properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
			properties.setType(event.type());
			CorrelationData correlation = new CorrelationData(event.id().toString());
			rabbit.send(EXCHANGE, event.type(), new Message(event.body().getBytes(StandardCharsets.UTF_8), properties),
					correlation);
			sent.add(correlation);
		}
		long deadline = System.nanoTime() + CONFIRM_WITHIN.toNanos();
		for (CorrelationData correlation : sent) {
			CorrelationData.Confirm confirm = correlation.getFuture()
				.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
			if (!confirm.ack()) {
				throw new IllegalStateException("RabbitMQ did not confirm event " + correlation.getId() + ": "
						+ confirm.reason());
			}
		}
	}

	/** Hands events the broker has not confirmed (it was down) to the publisher again. */
	@Scheduled(fixedDelayString = "${settledesk.events.rabbitmq.retry-interval:PT30S}", initialDelayString = "PT30S")
	void publishAgain() {
		resubmit(Duration.ofSeconds(20));
	}

	void resubmit(Duration olderThan) {
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(olderThan)
			.withFilter(publication -> publication.getEvent() instanceof IntegrationEventsRecorded));
	}
}
