package com.settledesk.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.testsupport.ApiClient;
import com.settledesk.testsupport.IntegrationTest;
import com.settledesk.testsupport.MutableClock;

/** Messages are queued with the change that caused them and delivered by the dispatcher, with retries. */
@IntegrationTest
class MessageDeliveryIntegrationTests {

	private static final String OTP = "sms.otp.SETTLEMENT_CARD_CHANGE";

	@Autowired
	Notifications notifications;

	@Autowired
	ApiClient api;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	MutableClock clock;

	@Test
	void a_queued_message_is_handed_to_the_provider_and_marked_sent() {
		String phone = phone();
		notifications.sendTemplate(phone, Channel.SMS, OTP, new Object[] { "123456", 5 }, Locale.SIMPLIFIED_CHINESE);
		assertThat(notifications.sentTo(phone, 1).get(0).text()).startsWith("【结算台】").contains("123456");
		await().atMost(Duration.ofSeconds(5)).until(() -> notifications.sentTo(phone, 1).get(0).status() == DeliveryStatus.SENT);
	}

	@Test
	void a_throttled_message_is_tried_again_later_and_delivered() {
		String phone = phone();
		script(phone, "THROTTLED");
		notifications.sendTemplate(phone, Channel.SMS, OTP, new Object[] { "654321", 5 }, Locale.SIMPLIFIED_CHINESE);
		await().atMost(Duration.ofSeconds(5)).until(() -> delivery(phone) != null && delivery(phone).attempts() >= 1
				&& delivery(phone).status() == DeliveryStatus.PENDING);
		assertThat(delivery(phone).lastError()).contains("throttled");
		script(phone, "ACCEPTED");
		clock.advance(Duration.ofSeconds(2));
		await().atMost(Duration.ofSeconds(10)).until(() -> notifications.sentTo(phone, 1).get(0).status() == DeliveryStatus.SENT);
	}

	@Test
	void an_invalid_number_is_given_up_at_once_and_shown_to_operators_masked_without_the_text() {
		String phone = phone();
		script(phone, "INVALID_NUMBER");
		notifications.sendTemplate(phone, Channel.SMS, OTP, new Object[] { "111222", 5 }, Locale.SIMPLIFIED_CHINESE);
		await().atMost(Duration.ofSeconds(5)).until(() -> delivery(phone) != null && delivery(phone).status() == DeliveryStatus.FAILED);
		assertThat(delivery(phone).attempts()).isEqualTo(1);
		var listed = api.get("/api/v1/ops/messages?status=FAILED", api.token("agent1"));
		assertThat(listed.status()).isEqualTo(200);
		assertThat(listed.body()).contains(phone.substring(0, 3) + "****" + phone.substring(7)).doesNotContain(phone)
			.doesNotContain("111222");
		assertThat(api.get("/api/v1/ops/messages", api.token("13800000001")).status()).isEqualTo(403);
	}

	@Test
	void a_message_of_a_change_that_rolled_back_is_never_sent() {
		String phone = phone();
		assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
			notifications.sendTemplate(phone, Channel.SMS, OTP, new Object[] { "999000", 5 }, Locale.SIMPLIFIED_CHINESE);
			throw new IllegalStateException("the change failed after the message was queued");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(notifications.sentTo(phone, 10)).isEmpty();
	}

	private Delivery delivery(String phone) {
		String masked = phone.substring(0, 3) + "****" + phone.substring(7);
		return notifications.deliveries(EnumSet.allOf(DeliveryStatus.class), 500).stream()
			.filter(d -> d.recipientMasked().equals(masked)).findFirst().orElse(null);
	}

	private void script(String phone, String outcome) {
		assertThat(api.post("/api/v1/dev/messages/outcomes", Map.of("to", phone, "outcome", outcome), null).status())
			.isEqualTo(204);
	}

	private static String phone() {
		return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
	}
}
