package com.settledesk.notification;

import java.util.List;
import java.util.Locale;

import com.settledesk.shared.MerchantId;

public interface Notifications {

	/** Hands a message to the channel's provider. */
	void send(String to, Channel channel, String text);

	/** Renders the template (message bundle key) in the recipient's language and sends it. */
	void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language);

	/** Puts a message in the merchant's in-app inbox (站内信). */
	void inApp(MerchantId merchantId, String title, String body);

	List<InboxMessage> inbox(MerchantId merchantId, int limit);

	long unread(MerchantId merchantId);

	void markAllRead(MerchantId merchantId);

	/** What was sent to a recipient, newest first. */
	List<SentMessage> sentTo(String to, int limit);
}
