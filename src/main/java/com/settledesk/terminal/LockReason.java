package com.settledesk.terminal;

/** Why a terminal is locked; each reason is unlocked only by an operator after checking. */
public enum LockReason {
	/** The merchant reported it lost or stolen (挂失). */
	REPORTED_LOST,
	/** Too many wrong activation codes. */
	ACTIVATION_ATTEMPTS,
	/** Three messages in a row with a wrong MAC. */
	MAC_FAILURES,
	/** The terminal reported its case opened (防拆). */
	TAMPER;

	/** Whether the lock came from an attack signal operators should look at first. */
	public boolean isAlert() {
		return this != REPORTED_LOST;
	}
}
