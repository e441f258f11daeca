package com.settledesk.notification;

import java.util.List;
import java.util.Locale;

public interface Notifications {

	/** Hands a message to the channel's provider. */
	void send(String to, Channel channel, String text);

	/** Renders the template (message bundle key) in the recipient's language and sends it. */
	void sendTemplate(String to, Channel channel, String template, Object[] args, Locale language);

	/** What was sent to a recipient, newest first. */
	List<SentMessage> sentTo(String to, int limit);
}
