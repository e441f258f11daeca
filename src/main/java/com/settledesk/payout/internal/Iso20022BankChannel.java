package com.settledesk.payout.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.payout.BankFile;
import com.settledesk.payout.BankFiles;
import com.settledesk.payout.internal.Iso20022Messages.Booking;
import com.settledesk.payout.internal.Iso20022Messages.Debtor;
import com.settledesk.payout.internal.Iso20022Messages.Transfer;
import com.settledesk.payout.internal.Iso20022Messages.TransferStatus;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.OutsidePartyMonitor;
import com.settledesk.shared.Timestamps;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The bank channel of ISO 20022 files. A payout handed over is queued; every few seconds the queued ones leave
 * as one {@code pain.001.001.09} batch (EndToEndId = payout id) through the transport. The bank's answers come
 * back as files: a {@code pain.002.001.10} status report (rejected, with a reason code → FAILED in words) and a
 * {@code camt.054.001.08} notification (booked → PAID; a returning credit → RETURNED). Until an answer is in,
 * asking about a payout answers PENDING, so the payout waits and is asked again. A file
 * already read (same content) and answers for unknown or settled transfers change nothing and are logged; each
 * transfer's first definite answer stands, so nothing is paid twice whatever the bank sends twice.
 */
@Component
@ConditionalOnProperty(name = "settledesk.bank.channel", havingValue = "iso20022")
class Iso20022BankChannel implements BankChannel, BankFiles, HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(Iso20022BankChannel.class);
	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
	private static final int BATCH = 5000;

	private final JdbcClient jdbc;
	private final TransactionTemplate tx;
	private final BankFileTransport transport;
	private final SensitiveDataProtector protector;
	private final Clock clock;
	private final Debtor debtor;
	private final OutsidePartyMonitor monitor;

	Iso20022BankChannel(JdbcClient jdbc, TransactionTemplate tx, BankFileTransport transport,
			SensitiveDataProtector protector, Clock clock, MeterRegistry meters,
			@Value("${settledesk.bank.debtor.name}") String debtorName,
			@Value("${settledesk.bank.debtor.account}") String debtorAccount,
			@Value("${settledesk.bank.debtor.bic}") String debtorBic) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.transport = transport;
		this.protector = protector;
		this.clock = clock;
		this.debtor = new Debtor(debtorName, debtorAccount, debtorBic);
		this.monitor = new OutsidePartyMonitor("bank", meters, clock, Duration.ofSeconds(30));
		monitor.reportBacklog(() -> jdbc.sql("SELECT COUNT(*) FROM bank_transfer WHERE status IN ('PENDING', 'SENT', 'ACCEPTED')")
			.query(Long.class).single());
	}

	@Override
	public Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen) {
		return tx.execute(status -> {
			Answer known = inquire(payoutId);
			if (known.outcome() == Outcome.NOT_FOUND) {
				jdbc.sql("""
						INSERT INTO bank_transfer (payout_id, amount_fen, creditor_name, account_cipher, status, created_at,
						    updated_at) VALUES (:id, :amount, :name, :cipher, 'PENDING', :now, :now) ON CONFLICT DO NOTHING""")
					.param("id", payoutId).param("amount", amountFen).param("name", accountName)
					.param("cipher", protector.encrypt(accountNumber).toStorage())
					.param("now", Timestamps.toDb(clock.instant())).update();
				return new Answer(Outcome.PENDING, null, "queued for the next file to the bank");
			}
			return known;
		});
	}

	/**
	 * What the bank's files have said of a transfer: its camt.054 booking (PAID), its pain.002 rejection (FAILED),
	 * nothing definite yet (PENDING), or that it was never handed over (NOT_FOUND).
	 */
	@Override
	public Answer inquire(UUID payoutId) {
		var known = jdbc.sql("SELECT status, reason, bank_reference FROM bank_transfer WHERE payout_id = :id")
			.param("id", payoutId).query().listOfRows();
		if (known.isEmpty()) {
			return new Answer(Outcome.NOT_FOUND, null, "never handed to the bank");
		}
		Map<String, Object> row = known.get(0);
		return switch ((String) row.get("status")) {
			case "BOOKED", "RETURNED" -> new Answer(Outcome.PAID, (String) row.get("bank_reference"), null);
			case "REJECTED" -> new Answer(Outcome.FAILED, (String) row.get("bank_reference"), (String) row.get("reason"));
			default -> new Answer(Outcome.PENDING, null, "no answer from the bank yet");
		};
	}

	/** Sends the queued transfers as one pain.001 batch; a failed hand-over leaves them queued for the next try. */
	@Scheduled(fixedDelayString = "${settledesk.bank.flush-interval:2s}", initialDelayString = "${settledesk.bank.flush-interval:2s}")
	synchronized void sendQueued() {
		try {
			tx.executeWithoutResult(status -> {
				List<Transfer> transfers = jdbc.sql("""
						SELECT payout_id, amount_fen, creditor_name, account_cipher FROM bank_transfer WHERE status = 'PENDING'
						ORDER BY created_at LIMIT :limit FOR UPDATE SKIP LOCKED""")
					.param("limit", BATCH)
					.query((rs, row) -> new Transfer(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
							protector.decrypt(EncryptedValue.fromStorage(rs.getString(4))), null))
					.list();
				if (transfers.isEmpty()) {
					return;
				}
				OffsetDateTime now = clock.instant().atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime();
				String messageId = "SD" + STAMP.format(now) + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36
						* 36), 36).toUpperCase();
				String xml = Iso20022Messages.pain001(messageId, now, debtor, transfers);
				UUID message = record("OUT", "pain.001", messageId + ".pain001.xml", xml, "SENT", transfers.size()
						+ " transfers");
				jdbc.sql("UPDATE bank_transfer SET status = 'SENT', sent_in = :message, updated_at = :now "
						+ "WHERE payout_id IN (:ids)")
					.param("message", message).param("now", Timestamps.toDb(clock.instant()))
					.param("ids", transfers.stream().map(Transfer::payoutId).toList()).update();
				try {
					monitor.call(() -> {
						try {
							transport.send(messageId + ".pain001.xml", xml.getBytes(StandardCharsets.UTF_8));
							return null;
						}
						catch (IOException e) {
							throw new UncheckedIOException(e);
						}
					});
				}
				catch (RuntimeException e) {
					monitor.failed("SEND_FAILED", "pain.001 not delivered: " + e.getClass().getSimpleName());
					throw e;
				}
				monitor.succeeded("SENT");
				log.info("pain.001 {} with {} transfers handed to the bank", messageId, transfers.size());
			});
		}
		catch (RuntimeException e) {
			log.warn("The queued transfers stay queued: the file did not reach the bank ({})", e.getClass().getSimpleName());
		}
	}

	/** Reads the bank's answers: each file once, each transfer's first definite answer standing. */
	@Scheduled(fixedDelayString = "${settledesk.bank.poll-interval:2s}", initialDelayString = "${settledesk.bank.poll-interval:2s}")
	synchronized void readAnswers() {
		List<String> names;
		try {
			names = transport.incoming();
		}
		catch (IOException e) {
			monitor.failed("POLL_FAILED", "incoming folder not readable");
			return;
		}
		for (String name : names) {
			if (!name.endsWith(".xml")) {
				continue;
			}
			try {
				String xml = new String(transport.read(name), StandardCharsets.UTF_8);
				tx.executeWithoutResult(status -> readAnswer(name, xml));
				transport.archive(name);
			}
			catch (IOException | RuntimeException e) {
				monitor.failed("READ_FAILED", "answer " + name + " not read: " + e.getClass().getSimpleName());
				log.warn("Answer file {} from the bank could not be read; it is tried again", name, e);
			}
		}
	}

	private void readAnswer(String name, String xml) {
		String sha = sha256(xml);
		if (jdbc.sql("SELECT COUNT(*) FROM bank_message WHERE direction = 'IN' AND sha256 = :sha").param("sha", sha)
			.query(Long.class).single() > 0) {
			log.warn("Answer file {} was read before (same content); it changes nothing", name);
			return;
		}
		String type;
		List<TransferStatus> statuses = null;
		List<Booking> bookings = null;
		try {
			type = Iso20022Messages.typeOf(xml);
			if ("pain.002".equals(type)) {
				statuses = Iso20022Messages.readPain002(xml);
			}
			else if ("camt.054".equals(type)) {
				bookings = Iso20022Messages.readCamt054(xml);
			}
		}
		catch (RuntimeException unreadable) {
			type = null;
		}
		if (statuses == null && bookings == null) {
			log.warn("Answer file {} is not a pain.002 or camt.054 this channel can read; it changes nothing", name);
			record("IN", "unknown", name, xml, "IGNORED", "not a readable pain.002 or camt.054");
			return;
		}
		String note = statuses != null ? applyStatuses(statuses) : applyBookings(bookings);
		monitor.succeeded("ANSWER_READ");
		record("IN", type, name, xml, "PROCESSED", note);
	}

	private String applyStatuses(List<TransferStatus> statuses) {
		int rejected = 0;
		int unknown = 0;
		for (TransferStatus status : statuses) {
			if (!status.rejected()) {
				unknown += transition(status.payoutId(), "ACCEPTED", List.of("PENDING", "SENT"), null, null) < 0 ? 1 : 0;
				continue;
			}
			int changed = transition(status.payoutId(), "REJECTED", List.of("PENDING", "SENT", "ACCEPTED"),
					Iso20022Messages.reasonInWords(status.reasonCode(), status.reasonText()), null);
			if (changed < 0) {
				unknown++;
			}
			else if (changed == 0) {
				log.warn("The bank rejects transfer {} that it has already settled; the first answer stands", status.payoutId());
			}
			else {
				rejected++;
			}
		}
		return statuses.size() + " statuses, " + rejected + " rejected" + (unknown > 0 ? ", " + unknown + " unknown" : "");
	}

	private String applyBookings(List<Booking> bookings) {
		int paid = 0;
		int returned = 0;
		int unknown = 0;
		for (Booking booking : bookings) {
			int changed = booking.returned()
					? transition(booking.payoutId(), "RETURNED", List.of("BOOKED"),
							Iso20022Messages.reasonInWords(booking.reasonCode(), booking.reasonText()), null)
					: transition(booking.payoutId(), "BOOKED", List.of("PENDING", "SENT", "ACCEPTED"), null,
							booking.bankReference());
			if (changed < 0) {
				unknown++;
			}
			else if (changed == 0) {
				log.warn("Booking of transfer {} does not fit its state (read before, or rejected earlier); it changes nothing",
						booking.payoutId());
			}
			else if (booking.returned()) {
				returned++;
			}
			else {
				paid++;
			}
		}
		return bookings.size() + " bookings, " + paid + " paid, " + returned + " returned"
				+ (unknown > 0 ? ", " + unknown + " unknown" : "");
	}

	/** 1 when the transfer moved, 0 when its state does not allow it, -1 when no such transfer was sent. */
	private int transition(UUID payoutId, String to, List<String> from, String reason, String reference) {
		int updated = jdbc.sql("""
				UPDATE bank_transfer SET status = :to, reason = COALESCE(:reason, reason),
				    bank_reference = COALESCE(:reference, bank_reference), updated_at = :now
				WHERE payout_id = :id AND status IN (:from)""")
			.param("to", to).param("reason", reason).param("reference", reference)
			.param("now", Timestamps.toDb(clock.instant())).param("id", payoutId).param("from", from).update();
		if (updated == 1) {
			return 1;
		}
		boolean exists = jdbc.sql("SELECT COUNT(*) FROM bank_transfer WHERE payout_id = :id").param("id", payoutId)
			.query(Long.class).single() > 0;
		if (!exists) {
			log.warn("The bank answers about transfer {} that SettleDesk never sent; it changes nothing", payoutId);
		}
		return exists ? 0 : -1;
	}

	@Override
	public List<Return> collectReturns() {
		return tx.execute(status -> {
			jdbc.sql("""
					UPDATE bank_transfer SET return_collected = TRUE WHERE status = 'RETURNED' AND return_collected = FALSE
					AND payout_id IN (SELECT id FROM payout WHERE status = 'RETURNED')""").update();
			return jdbc.sql("SELECT payout_id, reason FROM bank_transfer WHERE status = 'RETURNED' AND return_collected = FALSE")
				.query((rs, row) -> new Return(rs.getObject(1, UUID.class), rs.getString(2))).list();
		});
	}

	/** The bank's result file for a closed day, as it placed it among its answers ({@code result-<day>.txt}). */
	@Override
	public Optional<Path> resultFile(LocalDate businessDay) {
		String name = "result-" + businessDay + ".txt";
		try {
			if (!transport.incoming().contains(name)) {
				return Optional.empty();
			}
			Path copy = Files.createTempFile("settledesk-bank-result-", ".txt");
			Files.write(copy, transport.read(name));
			return Optional.of(copy);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every file exchanged, kept once; encrypted, since bank files carry account numbers in full. */
	private UUID record(String direction, String type, String name, String xml, String status, String note) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO bank_message (id, direction, type, name, sha256, content, status, note, created_at)
				VALUES (:id, :direction, :type, :name, :sha, :content, :status, :note, :now)""")
			.param("id", id).param("direction", direction).param("type", type).param("name", name)
			.param("sha", sha256(xml)).param("content", protector.encrypt(xml).toStorage()).param("status", status)
			.param("note", note)
			.param("now", Timestamps.toDb(clock.instant())).update();
		return id;
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** The files exchanged with the bank, newest first, for the console and the demo's development endpoint. */
	List<BankMessage> messages(String type, int limit) {
		String columns = "SELECT id, direction, type, name, status, note, created_at, content FROM bank_message ";
		return jdbc.sql(columns + (type == null ? "" : "WHERE type = :type ") + "ORDER BY created_at DESC LIMIT :limit")
			.params(type == null ? java.util.Map.of() : java.util.Map.of("type", type))
			.param("limit", Math.max(1, Math.min(limit, 200)))
			.query((rs, row) -> new BankMessage(rs.getObject("id", UUID.class), rs.getString("direction"), rs.getString("type"),
					rs.getString("name"), rs.getString("status"), rs.getString("note"),
					Timestamps.fromDb(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("content")))
			.list();
	}

	@Override
	public List<BankFile> recent(int limit) {
		return messages(null, limit).stream()
			.map(m -> new BankFile(m.direction(), m.type(), m.name(), m.status(), m.note(), m.createdAt()))
			.toList();
	}

	String content(BankMessage message) {
		return protector.decrypt(EncryptedValue.fromStorage(message.encryptedContent()));
	}

	record BankMessage(UUID id, String direction, String type, String name, String status, String note,
			java.time.Instant createdAt, String encryptedContent) {
	}

	@Override
	public Health health() {
		return monitor.health();
	}
}
