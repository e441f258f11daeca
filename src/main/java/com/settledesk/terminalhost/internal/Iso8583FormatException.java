package com.settledesk.terminalhost.internal;

/** A message that does not follow the profile; carries what could be read before the fault (may be null). */
class Iso8583FormatException extends RuntimeException {

	private final transient IsoMessage partial;

	Iso8583FormatException(String message, IsoMessage partial) {
		super(message);
		this.partial = partial;
	}

	IsoMessage partial() {
		return partial;
	}
}
