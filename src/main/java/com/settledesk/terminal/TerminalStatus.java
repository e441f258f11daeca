package com.settledesk.terminal;

/** Life of a terminal: in stock → shipped (邮寄) → active; locked when it reports tampering (防拆). */
public enum TerminalStatus {
	IN_STOCK, SHIPPED, ACTIVE, LOCKED, RETIRED
}
