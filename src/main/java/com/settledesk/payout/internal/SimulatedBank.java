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
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.settledesk.payout.internal.BankChannel.Answer;
import com.settledesk.payout.internal.BankChannel.Outcome;
import com.settledesk.payout.internal.BankChannel.Return;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.SimulatedCounterparty;
import com.settledesk.shared.Timestamps;

/**
 * A bank payout channel that behaves like one: a network round trip per call, answers by destination account
 * (PAID unless told otherwise), a TIMEOUT that takes the channel's timeout, a RETURNED outcome that first pays
 * and reports the return later, and idempotency by payout id. It keeps a book of the transfers it received
 * and writes each day's result file from it once the day is over (Asia/Shanghai).
 */
@Component
@ConditionalOnExpression("'${settledesk.bank.channel:simulator}' == 'simulator' or ${settledesk.bank.simulator.enabled:false}")
class SimulatedBank implements SimulatedCounterparty {

	enum Scripted {
		PAID, FAILED, RETURNED, TIMEOUT
	}

	private record Script(Scripted outcome, String reason) {
	}

	private record PendingReturn(UUID payoutId, String reason, Instant due) {
	}

	private final SensitiveDataProtector protector;
	private final Clock clock;
	private final Duration latency;
	private final Duration timeout;
	private final Duration returnAfter;
	private final Map<String, Script> scripts = new ConcurrentHashMap<>();
	private final Map<UUID, Answer> answered = new ConcurrentHashMap<>();
	private final List<PendingReturn> returns = new ArrayList<>();

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

	void script(String accountNumber, Scripted outcome, String reason) {
		scripts.put(protector.fingerprint(accountNumber), new Script(outcome, reason));
	}

	/** The bank answering a call: after a network round trip, or after the channel's timeout when it does not. */
	Answer submit(UUID payoutId, String accountNumber, String accountName, long amountFen) {
		Answer answer = book(payoutId, accountNumber, amountFen);
		pause(answer.outcome() == Outcome.TIMEOUT ? timeout : latency);
		return answer;
	}

	/**
	 * The bank's decision on a transfer, idempotent by payout id: the first answer is kept and given again; a
	 * TIMEOUT (the account is scripted not to answer) decides nothing yet.
	 */
	Answer book(UUID payoutId, String accountNumber, long amountFen) {
		Answer earlier = answered.get(payoutId);
		if (earlier != null) {
			return earlier;
		}
		Script script = scripts.getOrDefault(protector.fingerprint(accountNumber), new Script(Scripted.PAID, null));
		if (script.outcome() == Scripted.TIMEOUT) {
			return new Answer(Outcome.TIMEOUT, null, "no answer from the bank");
		}
		String reference = "SIM" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41), 36).toUpperCase();
		Answer answer = switch (script.outcome()) {
			case FAILED -> new Answer(Outcome.FAILED, reference, script.reason() == null ? "账户状态异常" : script.reason());
			default -> new Answer(Outcome.PAID, reference, null);
		};
		answered.put(payoutId, answer);
		jdbc.sql("""
				INSERT INTO sim_bank_transfer (payout_id, fingerprint, amount_fen, status, bank_reference, received_at)
				VALUES (:id, :fingerprint, :amount, :status, :reference, :now) ON CONFLICT DO NOTHING""")
			.param("id", payoutId).param("fingerprint", protector.fingerprint(accountNumber)).param("amount", amountFen)
			.param("status", answer.outcome().name()).param("reference", reference)
			.param("now", Timestamps.toDb(clock.instant())).update();
		if (script.outcome() == Scripted.RETURNED) {
			synchronized (returns) {
				returns.add(new PendingReturn(payoutId, script.reason() == null ? "收款账户已销户" : script.reason(),
						clock.instant().plus(returnAfter)));
			}
		}
		return answer;
	}

	List<Return> collectReturns() {
		Instant now = clock.instant();
		List<Return> due = new ArrayList<>();
		synchronized (returns) {
			returns.removeIf(r -> {
				if (!r.due().isAfter(now)) {
					due.add(new Return(r.payoutId(), r.reason()));
					return true;
				}
				return false;
			});
		}
		due.forEach(r -> jdbc.sql("UPDATE sim_bank_transfer SET status = 'RETURNED' WHERE payout_id = :id")
			.param("id", r.payoutId()).update());
		return due;
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
