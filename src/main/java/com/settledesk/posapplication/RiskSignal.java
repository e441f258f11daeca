package com.settledesk.posapplication;

import java.util.List;

/**
 * Something a reviewer should weigh, in words: the text is the message {@code posapp.risk.<code>} with the
 * arguments (amounts already formatted).
 */
public record RiskSignal(RiskCode code, List<String> args) {

	public RiskSignal {
		args = List.copyOf(args);
	}

	public enum RiskCode {
		TOO_MANY_TERMINALS, INSTALLATION_FAR, DELIVERY_FAR, ADDRESS_NOT_COMPARABLE, RECENT_CARD_CHANGE, OPEN_DISPUTES,
		BALANCE_BELOW_CHARGE
	}
}
