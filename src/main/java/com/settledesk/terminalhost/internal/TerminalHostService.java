package com.settledesk.terminalhost.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.shared.StateConflictException;
import com.settledesk.terminal.TerminalMacs;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;
import com.settledesk.terminalhost.internal.HostRecords.Answered;
import com.settledesk.terminalhost.internal.HostRecords.BatchStatus;
import com.settledesk.terminalhost.internal.KnownTerminals.Known;

/**
 * Answers one ISO 8583 request of the profile (iso8583.md): format, terminal, MAC, retransmission and batch checks,
 * then sign-on, purchase, void, reversal or settlement. Never throws: whatever goes wrong is a response code, and a
 * request whose MTI, STAN or terminal id cannot be read gets no answer (the connection closes).
 */
@Service
class TerminalHostService {

	private static final Logger log = LoggerFactory.getLogger(TerminalHostService.class);
	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");
	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMdd");
	private static final Set<Integer> ECHOED = Set.of(3, 4, 11, 41, 42, 60);

	private final Terminals terminals;
	private final KnownTerminals knownTerminals;
	private final TerminalMacs macs;
	private final TerminalSecurity security;
	private final Merchants merchants;
	private final HostRecords records;
	private final HostTransactions transactions;
	private final TransactionTemplate tx;
	private final HostMetrics metrics;
	private final PurchaseCommitter committer;
	private final Clock clock;

	TerminalHostService(Terminals terminals, KnownTerminals knownTerminals, TerminalMacs macs, TerminalSecurity security,
			Merchants merchants, HostRecords records, HostTransactions transactions, TransactionTemplate tx,
			HostMetrics metrics, PurchaseCommitter committer, Clock clock) {
		this.committer = committer;
		this.terminals = terminals;
		this.knownTerminals = knownTerminals;
		this.macs = macs;
		this.security = security;
		this.merchants = merchants;
		this.records = records;
		this.transactions = transactions;
		this.tx = tx;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** The packed answer to a packed request, or empty when the connection should be closed. */
	Optional<byte[]> handle(byte[] request) {
		IsoMessage message;
		try {
			message = Iso8583Codec.unpack(request);
		}
		catch (Iso8583FormatException e) {
			IsoMessage partial = e.partial();
			if (partial != null && partial.has(11) && partial.has(41) && partial.mti().endsWith("00")) {
				metrics.answered(partial.mti(), ResponseCode.FORMAT_ERROR.code);
				return Optional.of(plain(partial, ResponseCode.FORMAT_ERROR));
			}
			metrics.unreadable();
			return Optional.empty();
		}
		try {
			byte[] answer = switch (message.mti()) {
				case "0800" -> signOn(message);
				case "0200", "0400", "0500" -> macProtected(message, request);
				default -> message.has(11) && message.has(41) && message.mti().endsWith("00")
						? plain(message, ResponseCode.FORMAT_ERROR) : null;
			};
			if (answer == null) {
				metrics.unreadable();
				return Optional.empty();
			}
			metrics.answered(message.mti(), responseCodeOf(answer));
			return Optional.of(answer);
		}
		catch (RuntimeException e) {
			log.error("Terminal host failed on {} from terminal {}", message.mti(), message.text(41), e);
			metrics.answered(message.mti(), ResponseCode.SYSTEM_MALFUNCTION.code);
			return Optional.of(plain(message, ResponseCode.SYSTEM_MALFUNCTION));
		}
	}

	private byte[] signOn(IsoMessage request) {
		if (!request.has(11) || !request.has(41) || !request.has(42) || !validBatch(request.text(60))) {
			return plain(request, ResponseCode.FORMAT_ERROR);
		}
		Optional<TerminalView> terminal = terminals.findByTerminalId(request.text(41));
		if (terminal.isEmpty() || terminal.get().status() != TerminalStatus.ACTIVE) {
			return plain(request, ResponseCode.NOT_PERMITTED);
		}
		Optional<MerchantProfile> merchant = merchants.findByMerchantNo(request.text(42));
		if (merchant.isEmpty() || !merchant.get().id().equals(terminal.get().merchantId())) {
			return plain(request, ResponseCode.INVALID_MERCHANT);
		}
		String tid = request.text(41);
		String batch = request.text(60);
		try {
			return tx.execute(status -> signOn(request, tid, batch, merchant.get()));
		}
		finally {
			knownTerminals.forget(tid);
		}
	}

	private byte[] signOn(IsoMessage request, String tid, String batch, MerchantProfile merchant) {
		if (records.open(tid, batch, merchant.id(), clock.instant()) == BatchStatus.CLOSED) {
			return plain(request, ResponseCode.SIGN_ON_FIRST);
		}
		TerminalMacs.WorkingKey key;
		try {
			key = macs.issueMacKey(tid);
		}
		catch (StateConflictException e) {
			return plain(request, ResponseCode.NOT_PERMITTED);
		}
		return Iso8583Codec.pack(base("0810", request, ResponseCode.APPROVED).set(62, key.field62()));
	}

	private byte[] macProtected(IsoMessage request, byte[] packed) {
		if (!request.has(11) || !request.has(41)) {
			return null;
		}
		String tid = request.text(41);
		byte[] covered = Arrays.copyOf(packed, Math.max(0, packed.length - 8));
		Optional<Known> known = knownTerminals.find(tid);
		if (known.isPresent() && known.get().session().isPresent() && !macMatches(known.get(), request, covered)) {
			// The remembered key may be older than the stored one (a sign-on through another instance).
			known = knownTerminals.reread(tid);
		}
		if (known.isEmpty()) {
			return plain(request, ResponseCode.NOT_PERMITTED);
		}
		if (known.get().session().isEmpty()) {
			return plain(request, ResponseCode.SIGN_ON_FIRST);
		}
		TerminalMacs.MacSession session = known.get().session().get();
		if (!macMatches(known.get(), request, covered)) {
			metrics.macFailure(tid);
			security.macFailed(tid);
			knownTerminals.forget(tid);
			return plain(request, ResponseCode.MAC_ERROR);
		}
		if (session.failuresCounting()) {
			security.macVerified(tid);
			knownTerminals.forget(tid);
		}
		HostRequest host = new HostRequest(request, tid, known.get().terminal(), requestHash(covered), clock.instant(),
				session);
		if (!request.has(42) || !validBatch(request.text(60))) {
			return host.answer(ResponseCode.FORMAT_ERROR);
		}
		if ("0200".equals(request.mti()) && "000000".equals(request.text(3))) {
			Optional<byte[]> grouped = plan(host, known.get()).flatMap(committer::submit);
			if (grouped.isPresent()) {
				return grouped.get();
			}
		}
		for (int attempt = 0;; attempt++) {
			try {
				return tx.execute(status -> answer(host));
			}
			catch (DuplicateKeyException e) {
				// The same request arrived twice at once: the other one's answer is stored now.
				if (attempt > 0) {
					throw e;
				}
			}
		}
	}

	private static boolean macMatches(Known known, IsoMessage request, byte[] covered) {
		return request.has(64) && MessageDigest.isEqual(known.session().orElseThrow().mac(covered), request.bytes(64));
	}

	/**
	 * A purchase from an active terminal of the merchant in field 42 goes to the group commit; any other, and one
	 * the group hands back, is answered one by one.
	 */
	private Optional<HostTransactions.PurchasePlan> plan(HostRequest host, Known known) {
		if (host.terminal().status() != TerminalStatus.ACTIVE || !known.boundTo(host.request().text(42))) {
			return Optional.empty();
		}
		return transactions.plan(host, known.merchant().orElseThrow());
	}

	private byte[] answer(HostRequest host) {
		IsoMessage request = host.request();
		Optional<Answered> earlier = records.answered(host.tid(), request.text(60), request.text(11), request.mti());
		if (earlier.isPresent()) {
			return earlier.get().requestHash().equals(host.requestHash())
					? HexBytes.parse(earlier.get().responseHex()) : host.answer(ResponseCode.DUPLICATE);
		}
		if (host.terminal().status() != TerminalStatus.ACTIVE) {
			return host.answer(ResponseCode.NOT_PERMITTED);
		}
		Optional<MerchantProfile> merchant = merchants.findByMerchantNo(request.text(42));
		if (merchant.isEmpty() || !merchant.get().id().equals(host.terminal().merchantId())) {
			return host.answer(ResponseCode.INVALID_MERCHANT);
		}
		if (records.batch(host.tid(), request.text(60)).orElse(BatchStatus.CLOSED) != BatchStatus.OPEN) {
			return host.answer(ResponseCode.SIGN_ON_FIRST);
		}
		return switch (request.mti()) {
			case "0200" -> "200000".equals(request.text(3)) ? transactions.voidPurchase(host, merchant.get())
					: "000000".equals(request.text(3)) ? transactions.purchase(host, merchant.get())
					: host.answer(ResponseCode.INVALID_TRANSACTION);
			case "0400" -> transactions.reverse(host, merchant.get());
			default -> transactions.settle(host, merchant.get());
		};
	}

	/** An answer without a MAC: the host has no key to use, or the request's MAC was wrong. */
	private byte[] plain(IsoMessage request, ResponseCode code) {
		return Iso8583Codec.pack(base(responseMti(request.mti()), request, code));
	}

	IsoMessage base(String mti, IsoMessage request, ResponseCode code) {
		IsoMessage answer = new IsoMessage(mti);
		request.fields().forEach((field, value) -> {
			if (ECHOED.contains(field) && value instanceof String s) {
				answer.set(field, s);
			}
		});
		ZonedDateTime now = clock.instant().atZone(SHANGHAI);
		return answer.set(12, now.format(TIME)).set(13, now.format(DATE)).set(39, code.code);
	}

	static String responseMti(String mti) {
		return mti.substring(0, 2) + (char) (mti.charAt(2) + 1) + mti.charAt(3);
	}

	private static boolean validBatch(String batch) {
		return batch != null && batch.matches("\\d{6}");
	}

	private static String responseCodeOf(byte[] answer) {
		try {
			return Iso8583Codec.unpack(answer).text(39);
		}
		catch (Iso8583FormatException e) {
			return "??";
		}
	}

	private static String requestHash(byte[] covered) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(covered));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A request that passed its MAC check, with what the host knows of its terminal. */
	record HostRequest(IsoMessage request, String tid, TerminalView terminal, String requestHash, Instant at,
			TerminalMacs.MacSession session) {

		String batch() {
			return request.text(60);
		}

		String stan() {
			return request.text(11);
		}

		/** An answer with a MAC under the terminal's key. */
		byte[] answer(ResponseCode code) {
			return answer(code, new IsoMessage(responseMti(request.mti())));
		}

		byte[] answer(ResponseCode code, IsoMessage answer) {
			request.fields().forEach((field, value) -> {
				if (ECHOED.contains(field) && value instanceof String s && !answer.has(field)) {
					answer.set(field, s);
				}
			});
			if (!"0410".equals(answer.mti())) {
				// The profile's 0410 carries no local time and date.
				ZonedDateTime now = at.atZone(SHANGHAI);
				answer.set(12, now.format(TIME)).set(13, now.format(DATE));
			}
			answer.set(39, code.code).set(64, new byte[8]);
			byte[] packed = Iso8583Codec.pack(answer);
			byte[] mac = session.mac(Arrays.copyOf(packed, packed.length - 8));
			System.arraycopy(mac, 0, packed, packed.length - 8, 8);
			return packed;
		}
	}
}
