package com.settledesk.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.settledesk.shared.MerchantId;

public interface Notifications {

	/**
	 * Queues a message in the caller's transaction (so none is sent for a change that rolled back) for the
	 * dispatcher to deliver, with retries. Providers get the template and its arguments (SMS providers send
	 * registered templates, not free text); the outbox keeps the text rendered in the recipient's language.
	 */
	void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language);

	/** Puts a message in the merchant's in-app inbox (站内信). */
	void inApp(MerchantId merchantId, String title, String body);

	List<InboxMessage> inbox(MerchantId merchantId, int limit);

	long unread(MerchantId merchantId);

	void markAllRead(MerchantId merchantId);

	/** What was sent to a recipient, newest first. */
	List<SentMessage> sentTo(String to, int limit);

	/** Messages in the given states, newest first, for operators. */
	List<Delivery> deliveries(Set<DeliveryStatus> statuses, int limit);

	Map<DeliveryStatus, Long> deliveryCounts();
}
