package com.settledesk.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.settledesk.notification.Channel;
import com.settledesk.shared.Masking;

/**
 * One message as a provider receives it: the template and its arguments, and the text rendered from them (an
 * e-mail also its subject).
 */
record OutgoingMessage(UUID id, String to, Channel channel, String template, List<String> args, Locale language,
		String subject, String text) {

	@Override
	public String toString() {
		return "OutgoingMessage[id=" + id + ", to=" + Masking.maskPhone(to) + ", template=" + template + "]";
	}
}
