package com.settledesk.payout.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import com.settledesk.payout.internal.BankResultFile.Corrupt;
import com.settledesk.payout.internal.BankResultFile.Detail;
import com.settledesk.payout.internal.BankResultFile.Header;
import com.settledesk.payout.internal.BankResultFile.Summary;
import com.settledesk.shared.ClockConfiguration;

/**
 * Reads the bank's end-of-day account statement, ISO 20022 {@code camt.053.001.08}, as a stream of XML events —
 * one entry at a time, never the whole document — into the same details as the result file: a booked debit
 * whose {@code EndToEndId} is a payout id is that payout PAID, a booked credit carrying return information is it
 * RETURNED; entries that are not payouts (fees, top-ups) are counted but not handed on. The statement's own
 * totals ({@code TxsSummry/TtlNtries}) prove nothing was cut off. Account numbers are turned into keyed
 * fingerprints as they are read and never kept.
 */
final class Camt053Statement {

	static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
	private static final Pattern AMOUNT = Pattern.compile("[0-9]{1,15}(\\.[0-9]{1,2})?");
	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
	private static final XMLInputFactory XML = secureFactory();

	private Camt053Statement() {
	}

	/** Whether the first bytes of a file look like an XML document (rather than a result file's header line). */
	static boolean looksLikeXml(byte[] start, int length) {
		int i = 0;
		if (length >= 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
			i = 3;
		}
		while (i < length && Character.isWhitespace(start[i])) {
			i++;
		}
		return i < length && start[i] == '<';
	}

	static Summary read(InputStream in, Function<String, String> fingerprint, Consumer<Header> onHeader,
			Consumer<Detail> onDetail, LongConsumer bytesRead) throws IOException {
		MessageDigest sha256 = BankResultFile.sha256();
		BankResultFile.CountingStream counted = new BankResultFile.CountingStream(new DigestInputStream(in, sha256));
		Reading reading = new Reading(fingerprint, onHeader, onDetail);
		try {
			XMLStreamReader xml = XML.createXMLStreamReader(counted);
			try {
				reading.document(xml, bytesRead, counted);
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException e) {
			throw new Corrupt(reading.entries + 1, true, "the statement is not well-formed XML or ends early");
		}
		if (!reading.closed) {
			throw new Corrupt(reading.entries + 1, true, "the statement ends before its last element");
		}
		reading.checkTotals();
		bytesRead.accept(counted.count());
		return new Summary(reading.header, reading.payouts, reading.payoutFen, HexFormat.of().formatHex(sha256.digest()));
	}

	/** The JDK's own StAX parser, whatever other parser a library puts on the class path: its streaming is known. */
	private static XMLInputFactory secureFactory() {
		XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		return factory;
	}

	/** The state of one pass over the document. */
	private static final class Reading {

		private final Function<String, String> fingerprint;
		private final Consumer<Header> onHeader;
		private final Consumer<Detail> onDetail;
		private final Deque<String> path = new ArrayDeque<>();
		private Header header;
		private LocalDate from;
		private String bank;
		private long declaredEntries = -1;
		private BigDecimal declaredSum;
		private long entries;
		private long entrySumFen;
		private long payouts;
		private long payoutFen;
		private boolean closed;
		private Entry entry;

		Reading(Function<String, String> fingerprint, Consumer<Header> onHeader, Consumer<Detail> onDetail) {
			this.fingerprint = fingerprint;
			this.onHeader = onHeader;
			this.onDetail = onDetail;
		}

		void document(XMLStreamReader xml, LongConsumer bytesRead, BankResultFile.CountingStream counted)
				throws XMLStreamException {
			while (xml.hasNext()) {
				switch (xml.next()) {
					case XMLStreamConstants.START_ELEMENT -> start(xml);
					case XMLStreamConstants.END_ELEMENT -> end();
					default -> {
					}
				}
				if (entry == null && (entries & 1023) == 0) {
					bytesRead.accept(counted.count());
				}
			}
		}

		private void start(XMLStreamReader xml) throws XMLStreamException {
			String name = xml.getLocalName();
			if (path.isEmpty() && (!"Document".equals(name) || !NAMESPACE.equals(xml.getNamespaceURI()))) {
				throw new Corrupt(1, false, "not a camt.053.001.08 statement");
			}
			path.push(name);
			String parent = path.size() > 1 ? parentOf() : "";
			switch (name) {
				case "Stmt" -> {
					if (header != null || from != null) {
						throw new Corrupt(1, false, "more than one statement in the file");
					}
				}
				case "Ntry" -> {
					if (header == null) {
						openHeader();
					}
					entry = new Entry();
				}
				case "FrDtTm" -> from = date(xml.getElementText());
				case "BICFI", "Nm" -> {
					String text = xml.getElementText();
					if (entry == null && path.contains("Svcr") && bank == null && REFERENCE.matcher(text).matches()) {
						bank = text;
					}
				}
				case "NbOfNtries" -> {
					if ("TtlNtries".equals(parent)) {
						declaredEntries = number(xml.getElementText());
					}
				}
				case "Sum" -> {
					if ("TtlNtries".equals(parent)) {
						declaredSum = decimal(xml.getElementText());
					}
				}
				default -> {
					if (entry != null) {
						entry.read(name, parent, xml, path);
					}
				}
			}
			if (!path.isEmpty() && !path.peek().equals(name)) {
				// getElementText() consumed the end tag
				return;
			}
			if (xml.getEventType() == XMLStreamConstants.END_ELEMENT) {
				path.pop();
			}
		}

		private String parentOf() {
			var it = path.iterator();
			it.next();
			return it.next();
		}

		private void end() {
			String name = path.pop();
			if ("Ntry".equals(name)) {
				finishEntry();
			}
			if (path.isEmpty()) {
				closed = true;
			}
		}

		private void openHeader() {
			LocalDate day = from;
			if (day == null) {
				throw new Corrupt(1, false, "the statement has no period (FrToDt/FrDtTm)");
			}
			header = new Header(day, bank == null ? "CAMT053" : bank);
			onHeader.accept(header);
		}

		private void finishEntry() {
			Entry done = entry;
			entry = null;
			entries++;
			if (done.amountFen < 0) {
				throw new Corrupt(entries, false, "entry without an amount");
			}
			entrySumFen = Math.addExact(entrySumFen, done.amountFen);
			String status = done.status();
			UUID payout = done.payoutId();
			if (status == null || payout == null) {
				return;
			}
			payouts++;
			payoutFen = Math.addExact(payoutFen, done.amountFen);
			String reference = done.reference != null && REFERENCE.matcher(done.reference).matches() ? done.reference
					: "NOREF";
			String account = done.account == null ? "NONE" : fingerprint.apply(done.account);
			onDetail.accept(new Detail(entries, payout, account, done.amountFen, status, reference));
		}

		void checkTotals() {
			if (header == null) {
				openHeader();
			}
			if (declaredEntries >= 0 && declaredEntries != entries) {
				throw new Corrupt(entries, true, "the statement declares " + declaredEntries + " entries and has " + entries);
			}
			if (declaredSum != null && declaredSum.movePointRight(2).longValueExact() != entrySumFen) {
				throw new Corrupt(entries, true, "the statement's total differs from its entries");
			}
		}

		/** ISO 20022 date-times may carry an offset or not; without one they are the bank's local time (Shanghai). */
		private static LocalDate date(String text) {
			String value = text.trim();
			try {
				return OffsetDateTime.parse(value).atZoneSameInstant(ClockConfiguration.DISPLAY_ZONE).toLocalDate();
			}
			catch (DateTimeParseException noOffset) {
				try {
					return LocalDateTime.parse(value).toLocalDate();
				}
				catch (DateTimeParseException e) {
					throw new Corrupt(1, false, "a date-time is not ISO-8601");
				}
			}
		}

		private static long number(String text) {
			try {
				return Long.parseLong(text.trim());
			}
			catch (NumberFormatException e) {
				throw new Corrupt(1, false, "a count is not a number");
			}
		}

		private static BigDecimal decimal(String text) {
			if (!AMOUNT.matcher(text.trim()).matches()) {
				throw new Corrupt(1, false, "an amount is not a decimal with at most two places");
			}
			return new BigDecimal(text.trim());
		}
	}

	/** What one {@code Ntry} says, gathered while its elements stream past. */
	private static final class Entry {

		private long amountFen = -1;
		private boolean debit;
		private boolean booked;
		private boolean returned;
		private String endToEndId;
		private String reference;
		private String account;

		void read(String name, String parent, XMLStreamReader xml, Deque<String> path) throws XMLStreamException {
			switch (name) {
				case "Amt" -> {
					if ("Ntry".equals(parent)) {
						if (!"CNY".equals(xml.getAttributeValue(null, "Ccy"))) {
							throw new Corrupt(1, false, "an entry not in CNY");
						}
						amountFen = Reading.decimal(xml.getElementText()).movePointRight(2).longValueExact();
					}
				}
				case "CdtDbtInd" -> {
					if ("Ntry".equals(parent)) {
						debit = "DBIT".equals(xml.getElementText().trim());
					}
				}
				case "Cd" -> {
					if ("Sts".equals(parent)) {
						booked = "BOOK".equals(xml.getElementText().trim());
					}
				}
				case "AcctSvcrRef" -> {
					if ("Ntry".equals(parent)) {
						reference = xml.getElementText().trim();
					}
				}
				case "EndToEndId" -> endToEndId = xml.getElementText().trim();
				case "RtrInf" -> returned = true;
				case "Id" -> {
					if ("Othr".equals(parent) && (path.contains("CdtrAcct") || path.contains("DbtrAcct")) && account == null) {
						account = xml.getElementText().trim();
					}
				}
				case "IBAN" -> {
					if (account == null) {
						account = xml.getElementText().trim();
					}
				}
				default -> {
				}
			}
		}

		/** PAID for a booked debit, RETURNED for a booked credit that returns a payout; nothing otherwise. */
		String status() {
			if (!booked) {
				return null;
			}
			if (debit && !returned) {
				return "PAID";
			}
			return !debit && returned ? "RETURNED" : null;
		}

		UUID payoutId() {
			try {
				return endToEndId == null ? null : UUID.fromString(endToEndId);
			}
			catch (IllegalArgumentException notAPayout) {
				return null;
			}
		}
	}
}
