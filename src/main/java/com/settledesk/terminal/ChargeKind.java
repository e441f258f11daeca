package com.settledesk.terminal;

/** How a merchant pays for a terminal: a refundable deposit (押金) or a monthly rent (租金). */
public enum ChargeKind {
	DEPOSIT, RENTAL
}
