package com.settledesk.terminal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** Moving a terminal to another place (移机) and sending it back (退机): asked by the merchant, done by operators. */
public interface TerminalReturns {

	/** The merchant asks to move the terminal; operators review the new place. One open request a terminal. */
	Relocation requestRelocation(MerchantId merchantId, String serialNo, String toAddress, String reason, String by);

	/** Approves (the terminal's place changes) or rejects a pending relocation; a rejection needs a note. */
	Relocation decideRelocation(UUID relocationId, boolean approve, String note, String by);

	List<Relocation> pendingRelocations();

	List<Relocation> relocationsOf(MerchantId merchantId);

	/** The merchant asks to return the terminal: it stops transacting and is expected back. */
	TerminalView requestReturn(MerchantId merchantId, String serialNo, String reason, String by);

	/** Terminal operations received the terminal: unbound from the merchant ({@link TerminalReturned}). */
	TerminalView confirmReceived(String serialNo, String by);

	/** The terminal was wiped (keys and data erased, recorded) and goes back to stock. */
	TerminalView wipe(String serialNo, String by);

	/** Returns asked for and not yet wiped, oldest first. */
	List<Return> openReturns();

	/** The merchant's returned terminals (no longer bound to it), newest first. */
	List<Return> returnedBy(MerchantId merchantId);

	enum RelocationStatus {
		PENDING, APPROVED, REJECTED
	}

	record Relocation(UUID id, String serialNo, MerchantId merchantId, String fromAddress, String toAddress,
			String reason, RelocationStatus status, String requestedBy, Instant requestedAt, String decidedBy,
			Instant decidedAt, String decisionNote) {
	}

	record Return(UUID id, String serialNo, MerchantId merchantId, String modelCode, String reason, Instant requestedAt,
			Instant receivedAt, String receivedBy, Instant wipedAt, String wipedBy) {
	}
}
