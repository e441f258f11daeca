package com.settledesk.terminal;

/**
 * Life of a terminal: in stock → shipped (邮寄) → active; locked when lost, tampered with (防拆) or attacked;
 * returning → returned (unbound) → wiped back into stock.
 */
public enum TerminalStatus {
	IN_STOCK, SHIPPED, ACTIVE, LOCKED, RETURNING, RETURNED, RETIRED;

	/** Whether the terminal is with a merchant (bound to it). */
	public boolean isBound() {
		return this == SHIPPED || this == ACTIVE || this == LOCKED || this == RETURNING;
	}
}
