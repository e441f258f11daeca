package com.settledesk.notification.internal;

import com.settledesk.notification.Channel;

/** The adapter a real SMS gateway or mail server implements. */
interface MessageProvider {

	/** The channels this provider delivers; the dispatcher hands each message to the first that does. */
	boolean handles(Channel channel);

	/**
	 * Hands one message to the provider; answers the provider's reference for it. A failure says whether trying
	 * again could help (a throttle, a timeout) or not (an invalid number, a template the provider does not know).
	 */
	String deliver(OutgoingMessage message) throws DeliveryFailedException;

	/**
	 * A failed hand-over, with a short reason for operators (never the message text). Only an unreachable
	 * provider counts against it (circuit breaker); a refusal of one message says nothing about the provider.
	 */
	final class DeliveryFailedException extends Exception {

		private final boolean permanent;
		private final boolean unreachable;

		private DeliveryFailedException(String reason, boolean permanent, boolean unreachable) {
			super(reason, null, false, false);
			this.permanent = permanent;
			this.unreachable = unreachable;
		}

		/** The provider answered and will never take this message (an invalid number, an unknown template). */
		static DeliveryFailedException refused(String reason) {
			return new DeliveryFailedException(reason, true, false);
		}

		/** The provider answered: not now (a rate limit); the same message may pass later. */
		static DeliveryFailedException later(String reason) {
			return new DeliveryFailedException(reason, false, false);
		}

		/** No answer from the provider. */
		static DeliveryFailedException unreachable(String reason) {
			return new DeliveryFailedException(reason, false, true);
		}

		boolean permanent() {
			return permanent;
		}

		boolean unreachable() {
			return unreachable;
		}
	}
}
