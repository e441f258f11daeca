package com.settledesk.merchant;

/** D0: paid out the same day, any day. T1: on the next working day of the Chinese calendar. */
public enum SettlementMode {
	D0, T1
}
