package com.settledesk.notification;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

public interface Notifications {

	/**
	 * Queues a message in the caller's transaction (so none is sent for a change that rolled back) for the
	 * dispatcher to deliver, with retries. Providers get the template and its arguments (SMS providers send
	 * registered templates, not free text); the outbox keeps the text rendered in the recipient's language.
	 */
	void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language);

	/**
	 * Tells a merchant something: always in-app, and by SMS and e-mail as the merchant chose for the kind
	 * ({@link NoticePreferences}). The notice's texts are the bundle keys {@code notice + ".title"} and
	 * {@code notice + ".body"}, rendered in the merchant's language; queued in the caller's transaction.
	 */
	void notifyMerchant(Recipient recipient, NoticeKind kind, String notice, Object[] args);

	NoticePreferences preferences(MerchantId merchantId);

	/** Saves the merchant's choices (audited); an e-mail address that is not one is a 422. */
	NoticePreferences updatePreferences(MerchantId merchantId, NoticePreferences preferences, String by);

	/** Puts a message in the merchant's in-app inbox (站内信). */
	void inApp(MerchantId merchantId, String title, String body);

	List<InboxMessage> inbox(MerchantId merchantId, int limit);

	long unread(MerchantId merchantId);

	void markAllRead(MerchantId merchantId);

	/** What was sent to a recipient, newest first. */
	List<SentMessage> sentTo(String to, int limit);

	/** What was queued for a recipient (phone or e-mail), newest first, masked and without the text. */
	List<Delivery> deliveriesTo(String to, int limit);

	/**
	 * Queues one of the recipient's messages again (audited); one-time codes are never sent again (409), and an id
	 * that is not one of the recipient's messages is a 404.
	 */
	void resend(UUID deliveryId, String to, String by);

	/** Messages in the given states, newest first, for operators. */
	List<Delivery> deliveries(Set<DeliveryStatus> statuses, int limit);

	Map<DeliveryStatus, Long> deliveryCounts();
}
