package com.settledesk.payout.internal;

import java.io.IOException;
import java.util.List;

/**
 * How files reach the bank and its answers come back: an outgoing folder the bank reads, an incoming folder it
 * writes, and an archive for answers that have been read. A file appears to the bank only whole: it is written
 * under a temporary name and renamed.
 */
interface BankFileTransport {

	void send(String name, byte[] content) throws IOException;

	/** Names of the answers waiting in the incoming folder, oldest first. */
	List<String> incoming() throws IOException;

	byte[] read(String name) throws IOException;

	/** Moves an answer that has been read out of the incoming folder, so it is not read again. */
	void archive(String name) throws IOException;
}
