package com.settledesk.notification;

import java.util.List;

public interface Notifications {

	/** Hands a message to the channel's provider. */
	void send(String to, Channel channel, String text);

	/** What was sent to a recipient, newest first. */
	List<SentMessage> sentTo(String to, int limit);
}
