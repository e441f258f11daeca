package com.settledesk.payout.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.settledesk.payout.SimulatedBankAnswers;
import com.settledesk.payout.internal.BankChannel.Answer;
import com.settledesk.payout.internal.BankChannel.Outcome;
import com.settledesk.payout.internal.BankChannel.Return;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.SimulatedCounterparty;
import com.settledesk.shared.Timestamps;

/**
 * A bank that behaves like one, for the demo and tests: a network round trip per call, answers by destination
 * account (PAID unless told otherwise), a TIMEOUT that takes the channel's timeout, a RETURNED outcome that first
 * pays and reports the return later, and idempotency by payout id. Everything it knows is in the database — its
 * book of transfers and answers, promised returns, how it is told to answer — so it survives restarts like a
 * bank; it writes each day's result file from its book once the day is over (Asia/Shanghai). The direct channel
 * calls it; in the demo it answers ISO 20022 files ({@link FileBankSimulator}).
 */
@Component
@ConditionalOnExpression("'${settledesk.bank.channel:simulator}' == 'simulator' or ${settledesk.bank.simulator.enabled:false}")
class SimulatedBank implements SimulatedCounterparty, SimulatedBankAnswers {

	enum Scripted {
		PAID, FAILED, RETURNED, TIMEOUT
	}

	private record Script(Scripted outcome, String reason) {
	}


	private final SensitiveDataProtector protector;
	private final Clock clock;
	private final Duration latency;
	private final Duration timeout;
	private final Duration returnAfter;

	private final JdbcClient jdbc;
	private final JdbcTemplate rows;
	private final Path resultDirectory;

	SimulatedBank(SensitiveDataProtector protector, Clock clock, JdbcClient jdbc, JdbcTemplate rows,
			@Value("${settledesk.bank.result-dir:data/bank-results}") Path resultDirectory,
			@Value("${settledesk.bank.simulated-latency:200ms}") Duration latency,
			@Value("${settledesk.bank.timeout:2s}") Duration timeout,
			@Value("${settledesk.bank.return-after:10s}") Duration returnAfter) {
		this.protector = protector;
		this.clock = clock;
		this.latency = latency;
		this.timeout = timeout;
		this.returnAfter = returnAfter;
		this.jdbc = jdbc;
		this.rows = rows;
		this.resultDirectory = resultDirectory;
	}

	@Override
	public void answerTransfersTo(String accountNumber, SimulatedBankAnswers.Reply reply, String reason) {
		script(accountNumber, Scripted.valueOf(reply.name()), reason);
	}

	void script(String accountNumber, Scripted outcome, String reason) {
		String fingerprint = protector.fingerprint(accountNumber);
		int updated = jdbc.sql("UPDATE sim_bank_script SET outcome = :outcome, reason = :reason, updated_at = :now "
				+ "WHERE fingerprint = :fp")
			.param("outcome", outcome.name()).param("reason", reason).param("now", Timestamps.toDb(clock.instant()))
			.param("fp", fingerprint).update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO sim_bank_script (fingerprint, outcome, reason, updated_at) VALUES (:fp, :outcome, :reason, :now)
					ON CONFLICT DO NOTHING""")
				.param("outcome", outcome.name()).param("reason", reason).param("now", Timestamps.toDb(clock.instant()))
				.param("fp", fingerprint).update();
		}
	}

	/** The bank answering a call: after a network round trip, or after the channel's timeout when it does not. */
	Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen) {
		Answer answer = book(payoutId, accountNumber, amountFen);
		pause(answer.outcome() == Outcome.TIMEOUT ? timeout : latency);
		return answer;
	}

	/**
	 * The bank's decision on a transfer, kept in its book: a repeated payout id gets the first answer and the same
	 * reference, also after a restart, and two submissions at once get one answer. A TIMEOUT (the account is
	 * scripted not to answer) books nothing yet.
	 */
	Answer book(UUID payoutId, String accountNumber, long amountFen) {
		Optional<Answer> earlier = booked(payoutId);
		if (earlier.isPresent()) {
			return earlier.get();
		}
		String fingerprint = protector.fingerprint(accountNumber);
		Script script = jdbc.sql("SELECT outcome, reason FROM sim_bank_script WHERE fingerprint = :fp").param("fp", fingerprint)
			.query((rs, row) -> new Script(Scripted.valueOf(rs.getString(1)), rs.getString(2))).optional()
			.orElse(new Script(Scripted.PAID, null));
		if (script.outcome() == Scripted.TIMEOUT) {
			return new Answer(Outcome.TIMEOUT, null, "no answer from the bank");
		}
		String reference = "SIM" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
		boolean failed = script.outcome() == Scripted.FAILED;
		boolean returns = script.outcome() == Scripted.RETURNED;
		jdbc.sql("""
				INSERT INTO sim_bank_transfer (payout_id, fingerprint, amount_fen, status, bank_reference, received_at, reason,
				    return_due_at, return_reason)
				VALUES (:id, :fingerprint, :amount, :status, :reference, :now, :reason, :returnDue, :returnReason)
				ON CONFLICT DO NOTHING""")
			.param("id", payoutId).param("fingerprint", fingerprint).param("amount", amountFen)
			.param("status", failed ? "FAILED" : "PAID").param("reference", reference)
			.param("now", Timestamps.toDb(clock.instant()))
			.param("reason", failed ? (script.reason() == null ? "账户状态异常" : script.reason()) : null)
			.param("returnDue", returns ? Timestamps.toDb(clock.instant().plus(returnAfter)) : null)
			.param("returnReason", returns ? (script.reason() == null ? "收款账户已销户" : script.reason()) : null)
			.update();
		return booked(payoutId).orElseThrow();
	}

	/** The bank's status inquiry: what its book says, or that it has no such transfer. */
	Answer inquire(UUID payoutId) {
		pause(latency);
		return booked(payoutId).orElse(new Answer(Outcome.NOT_FOUND, null, "no such transfer"));
	}

	/** What the book says of a transfer: paid (also when returned later) or failed, with the bank's reference. */
	private Optional<Answer> booked(UUID payoutId) {
		return jdbc.sql("SELECT status, bank_reference, reason FROM sim_bank_transfer WHERE payout_id = :id")
			.param("id", payoutId)
			.query((rs, row) -> "FAILED".equals(rs.getString(1)) ? new Answer(Outcome.FAILED, rs.getString(2), rs.getString(3))
					: new Answer(Outcome.PAID, rs.getString(2), null))
			.optional();
	}

	/** Returns that have fallen due: each is handed out once (the book moves it to RETURNED as it does). */
	List<Return> collectReturns() {
		Instant now = clock.instant();
		List<Return> due = new ArrayList<>();
		jdbc.sql("""
				SELECT payout_id, return_reason FROM sim_bank_transfer WHERE status = 'PAID' AND return_due_at IS NOT NULL
				AND return_due_at <= :now""")
			.param("now", Timestamps.toDb(now))
			.query((rs, row) -> new Return(rs.getObject(1, UUID.class), rs.getString(2))).list()
			.forEach(r -> {
				if (jdbc.sql("UPDATE sim_bank_transfer SET status = 'RETURNED' WHERE payout_id = :id AND status = 'PAID'")
					.param("id", r.payoutId()).update() == 1) {
					due.add(r);
				}
			});
		return due;
	}

	/** Whether the bank's book has answered the transfer (paid, failed or returned). */
	boolean hasAnswered(UUID payoutId) {
		return booked(payoutId).isPresent();
	}

	/** The amount of a transfer in the bank's book (a return gives back what was paid). */
	long amountOf(UUID payoutId) {
		return jdbc.sql("SELECT amount_fen FROM sim_bank_transfer WHERE payout_id = :id").param("id", payoutId)
			.query(Long.class).optional().orElse(0L);
	}

	Optional<Path> resultFile(LocalDate businessDay) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		if (!businessDay.isBefore(today)) {
			return Optional.empty();
		}
		Path file = resultDirectory.resolve("SIMBANK-" + businessDay + ".txt");
		try {
			Files.createDirectories(resultDirectory);
			Path partial = Files.createTempFile(resultDirectory, "SIMBANK-", ".part");
			long[] totals = new long[2];
			try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
				out.write("H|" + BankResultFile.FORMAT + "|1|" + businessDay + "|SIMBANK\n");
				rows.query("""
						SELECT payout_id, fingerprint, amount_fen, status, bank_reference FROM sim_bank_transfer
						WHERE received_at >= ? AND received_at < ? ORDER BY received_at, payout_id""", rs -> {
					try {
						out.write("D|" + rs.getObject(1, UUID.class) + "|" + rs.getString(2) + "|" + rs.getLong(3) + "|"
								+ rs.getString(4) + "|" + rs.getString(5) + "\n");
					}
					catch (IOException e) {
						throw new UncheckedIOException(e);
					}
					totals[0]++;
					totals[1] += rs.getLong(3);
				}, Timestamps.toDb(businessDay.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()),
						Timestamps.toDb(businessDay.plusDays(1).atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()));
				out.write("T|" + totals[0] + "|" + totals[1] + "\n");
			}
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return Optional.of(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void pause(Duration duration) {
		if (duration.isZero()) {
			return;
		}
		try {
			Thread.sleep(ThreadLocalRandom.current().nextLong(duration.toMillis() / 2, duration.toMillis() + 1));
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String counterparty() {
		return "bank";
	}
}
