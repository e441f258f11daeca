package com.settledesk.payout.internal;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * Reads a bank result file (docs/bank-result-file.md) one line at a time — never the whole file — checking
 * every line and handing detail lines on as it goes; the trailer's count and sum prove nothing was cut off.
 * A file that breaks any rule is {@link Corrupt}, with the line that did.
 */
final class BankResultFile {

	static final String FORMAT = "SETTLEDESK-BANK-RESULT";

	private static final Pattern FINGERPRINT = Pattern.compile("[A-Za-z0-9+/=_-]{1,64}");
	private static final Pattern AMOUNT = Pattern.compile("[1-9][0-9]{0,15}");
	private static final Pattern COUNT = Pattern.compile("0|[1-9][0-9]{0,17}");
	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	private static final Pattern STATUS = Pattern.compile("PAID|FAILED|RETURNED");

	record Header(LocalDate businessDate, String bank) {
	}

	record Detail(long lineNo, UUID payoutId, String fingerprint, long amountFen, String status, String bankReference) {
	}

	record Summary(Header header, long lines, long totalFen, String sha256) {
	}

	/** The file breaks the format at the line; {@code truncated} when it ends before its trailer says it should. */
	static final class Corrupt extends RuntimeException {

		private final long lineNo;
		private final boolean truncated;

		Corrupt(long lineNo, boolean truncated, String what) {
			super("line " + lineNo + ": " + what);
			this.lineNo = lineNo;
			this.truncated = truncated;
		}

		long lineNo() {
			return lineNo;
		}

		boolean truncated() {
			return truncated;
		}
	}

	private BankResultFile() {
	}

	static Summary read(InputStream in, Consumer<Header> onHeader, Consumer<Detail> onDetail, LongConsumer bytesRead)
			throws IOException {
		MessageDigest sha256 = sha256();
		CountingStream counted = new CountingStream(new DigestInputStream(in, sha256));
		var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		BufferedReader reader = new BufferedReader(new InputStreamReader(counted, decoder), 1 << 16);
		long lineNo = 0;
		Header header = null;
		long details = 0;
		long total = 0;
		boolean trailer = false;
		try {
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				lineNo++;
				if (trailer) {
					throw new Corrupt(lineNo, false, "text after the trailer");
				}
				String[] fields = line.split("\\|", -1);
				if (lineNo == 1) {
					header = header(fields, lineNo);
					onHeader.accept(header);
				}
				else if (fields[0].equals("D")) {
					Detail detail = detail(fields, lineNo);
					details++;
					total = Math.addExact(total, detail.amountFen());
					onDetail.accept(detail);
				}
				else if (fields[0].equals("T")) {
					if (fields.length != 3 || !COUNT.matcher(fields[1]).matches() || !COUNT.matcher(fields[2]).matches()) {
						throw new Corrupt(lineNo, false, "trailer");
					}
					if (Long.parseLong(fields[1]) != details || Long.parseLong(fields[2]) != total) {
						throw new Corrupt(lineNo, true, "trailer count or sum differs from the lines");
					}
					trailer = true;
				}
				else {
					throw new Corrupt(lineNo, false, "unknown record type");
				}
				if ((lineNo & 1023) == 0) {
					bytesRead.accept(counted.count);
				}
			}
		}
		catch (CharacterCodingException e) {
			throw new Corrupt(lineNo + 1, false, "not UTF-8");
		}
		if (header == null || !trailer) {
			throw new Corrupt(lineNo + 1, true, "the file ends before its trailer");
		}
		bytesRead.accept(counted.count);
		return new Summary(header, details, total, HexFormat.of().formatHex(sha256.digest()));
	}

	private static Header header(String[] fields, long lineNo) {
		if (fields.length != 5 || !fields[0].equals("H") || !fields[1].equals(FORMAT) || !fields[2].equals("1")
				|| !REFERENCE.matcher(fields[4]).matches()) {
			throw new Corrupt(lineNo, false, "header");
		}
		try {
			return new Header(LocalDate.parse(fields[3]), fields[4]);
		}
		catch (DateTimeParseException e) {
			throw new Corrupt(lineNo, false, "header date");
		}
	}

	private static Detail detail(String[] fields, long lineNo) {
		if (fields.length != 6 || !FINGERPRINT.matcher(fields[2]).matches() || !AMOUNT.matcher(fields[3]).matches()
				|| !STATUS.matcher(fields[4]).matches() || !REFERENCE.matcher(fields[5]).matches()) {
			throw new Corrupt(lineNo, false, "detail");
		}
		try {
			UUID id = UUID.fromString(fields[1]);
			if (!id.toString().equals(fields[1].toLowerCase())) {
				throw new Corrupt(lineNo, false, "payout id");
			}
			return new Detail(lineNo, id, fields[2], Long.parseLong(fields[3]), fields[4], fields[5]);
		}
		catch (IllegalArgumentException e) {
			throw new Corrupt(lineNo, false, "payout id");
		}
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Counts the bytes read, for progress. */
	static final class CountingStream extends FilterInputStream {

		private long count;

		CountingStream(InputStream in) {
			super(in);
		}

		long count() {
			return count;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count++;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count += n;
			}
			return n;
		}
	}
}
