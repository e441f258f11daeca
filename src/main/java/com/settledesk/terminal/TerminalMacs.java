package com.settledesk.terminal;

import java.util.Optional;

/**
 * The terminal host's keys, kept inside this module: sign-on issues a new MAC key (TAK) under the terminal's
 * master key, and messages are MACed with ANSI X9.19 under the current TAK. No plain key leaves the module.
 */
public interface TerminalMacs {

	/** A new MAC key for the terminal (replacing the previous one), as the terminal receives it in field 62. */
	WorkingKey issueMacKey(String terminalId);

	/**
	 * The terminal's current MAC key, read once for one request and its answer; empty when it has none (sign on
	 * first). The key stays inside the session.
	 */
	Optional<MacSession> session(String terminalId);

	/** X9.19 MACs under one terminal's MAC key. */
	interface MacSession {

		byte[] mac(byte[] data);

		/** Whether MAC failures of the terminal are counting toward its lock (a good MAC should end the run). */
		boolean failuresCounting();
	}

	/** The TAK under the TMK (3DES-ECB, 32 hex digits) and its check value (8 hex digits). */
	record WorkingKey(String macKeyUnderMasterKey, String checkValue) {

		/** Field 62 of the sign-on answer: the encrypted key followed by its check value, 40 hex digits. */
		public String field62() {
			return macKeyUnderMasterKey + checkValue;
		}
	}
}
