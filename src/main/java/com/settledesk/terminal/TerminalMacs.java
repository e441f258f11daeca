package com.settledesk.terminal;

import java.util.Optional;

/**
 * The terminal host's keys, kept inside this module: sign-on issues a new MAC key (TAK) under the terminal's
 * master key, and messages are MACed with ANSI X9.19 under the current TAK. No plain key leaves the module.
 */
public interface TerminalMacs {

	/** A new MAC key for the terminal (replacing the previous one), as the terminal receives it in field 62. */
	WorkingKey issueMacKey(String terminalId);

	/** The X9.19 MAC of the data under the terminal's current MAC key; empty when it has none (sign on first). */
	Optional<byte[]> mac(String terminalId, byte[] data);

	/** The TAK under the TMK (3DES-ECB, 32 hex digits) and its check value (8 hex digits). */
	record WorkingKey(String macKeyUnderMasterKey, String checkValue) {

		/** Field 62 of the sign-on answer: the encrypted key followed by its check value, 40 hex digits. */
		public String field62() {
			return macKeyUnderMasterKey + checkValue;
		}
	}
}
