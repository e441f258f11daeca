package com.settledesk.terminal;

import java.util.Optional;

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.MerchantId;

/** Activation, locks and the signals that lock a terminal (终端安全). */
public interface TerminalSecurity {

	/** The activation code of the merchant's shipped terminal, while it waits for activation. */
	Optional<String> activationCode(MerchantId merchantId, String serialNo);

	/**
	 * A terminal activates itself: with the right code it becomes ACTIVE and receives its terminal id, the
	 * merchant number and new keys. A wrong code is a 422; the fifth wrong code locks the terminal (429), as do
	 * too many failures from one address.
	 */
	Activation activate(String serialNo, String activationCode, String clientAddress);

	/** Sends the owner a one-time code to confirm a lost-terminal report. */
	void sendReportLostCode(CurrentUser owner);

	/** The owner reports the terminal lost or stolen (挂失), confirmed with the one-time code: locked at once. */
	TerminalView reportLost(CurrentUser owner, String serialNo, String otp);

	/** An operator unlocks a terminal after checking; the note says what was checked. */
	TerminalView unlock(String serialNo, String note, String by);

	/** A message from the terminal failed its MAC check; the third in a row locks it. Answers whether it is locked. */
	boolean macFailed(String terminalId);

	/** A message from the terminal passed its MAC check: the run of failures starts again. */
	void macVerified(String terminalId);

	/**
	 * What the terminal receives at activation. The master key comes under the model's transport key, the MAC
	 * key under the master key (3DES-ECB, hex), each with its check value (the first 4 bytes of the key
	 * encrypting 8 zero bytes, hex).
	 */
	record Activation(String terminalId, String merchantNo, String serialNumber, String masterKeyUnderTransportKey,
			String masterKeyCheckValue, String macKeyUnderMasterKey, String macKeyCheckValue) {

		@Override
		public String toString() {
			return "Activation[terminalId=" + terminalId + ", merchantNo=" + merchantNo + "]";
		}
	}
}
