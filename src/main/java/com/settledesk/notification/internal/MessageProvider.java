package com.settledesk.notification.internal;

import com.settledesk.notification.Channel;

/** The adapter a real SMS gateway, mail server or push service implements. */
interface MessageProvider {

	void deliver(String to, Channel channel, String text);
}
