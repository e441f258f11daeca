package com.settledesk.terminalhost.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.LongSupplier;

/**
 * Retrieval reference numbers (检索参考号, field 37): the day as yDDD in Shanghai and eight digits of a number that
 * no other request was given. Numbers come in blocks from the database, so instances never hand out the same one
 * and a block costs one round trip per {@value HostRecords#RRN_BLOCK} requests. A number repeats only when a
 * hundred million are drawn in one day, or on the same day of the year ten years on; the unique key then fails the
 * store and the request is answered again under the next number.
 */
final class RetrievalReferenceNumbers {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final long EIGHT_DIGITS = 100_000_000L;

	private final LongSupplier blocks;
	private final int blockSize;
	private long next;
	private long end;

	/** {@code blocks} answers the first number of a block of {@code blockSize} that is this caller's alone. */
	RetrievalReferenceNumbers(LongSupplier blocks, int blockSize) {
		this.blocks = blocks;
		this.blockSize = blockSize;
	}

	synchronized String next(Instant at) {
		if (next == end) {
			next = blocks.getAsLong();
			end = next + blockSize;
		}
		long number = Math.floorMod(next++, EIGHT_DIGITS);
		var day = at.atZone(SHANGHAI);
		return (day.getYear() % 10) + digits(day.getDayOfYear(), 3) + digits(number, 8);
	}

	/** Zero-padded decimal digits, without a formatter (every approved request also needs an authorisation code). */
	static String digits(long value, int width) {
		String plain = Long.toString(value);
		return "0".repeat(Math.max(0, width - plain.length())) + plain;
	}
}
