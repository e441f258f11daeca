package com.settledesk.shared;

/**
 * Marks a simulator that stands in for an outside party (bank channel, four-element check, SMS and e-mail)
 * behind the same adapter interface as the real one. Production refuses to start while any is in use
 * unless told to allow them ({@link SimulatorPolicy}).
 */
public interface SimulatedCounterparty {

	/** Which outside party it stands in for, as a message key suffix: {@code simulator.party.<counterparty>}. */
	String counterparty();
}
