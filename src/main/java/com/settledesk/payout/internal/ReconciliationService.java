package com.settledesk.payout.internal;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.jobs.BackgroundJobs.Progress;
import com.settledesk.jobs.JobFailedException;
import com.settledesk.jobs.JobResult;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.ReconciliationBreak;
import com.settledesk.payout.ReconciliationRun;
import com.settledesk.payout.ReconciliationUpload;
import com.settledesk.payout.Reconciliations;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.CsvCells;
import com.settledesk.shared.FileNames;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Imports a bank result file in one transaction — its lines streamed into the database a thousand at a
 * time, so the file never has to fit in memory — then classifies in SQL what matched and what did not. A
 * file that is corrupt, cut off or already imported rolls the whole transaction back: nothing half-imported.
 */
@Service
class ReconciliationService implements Reconciliations {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationService.class);

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final BackgroundJobs jobs;
	private final BankChannel bank;
	private final PayoutService payouts;
	private final AuditLog audit;
	private final Clock clock;
	private final SensitiveDataProtector protector;
	private final TransactionTemplate tx;

	ReconciliationService(JdbcClient jdbc, JdbcTemplate batch, BackgroundJobs jobs, BankChannel bank,
			PayoutService payouts, AuditLog audit, Clock clock, TransactionTemplate tx, SensitiveDataProtector protector,
			MeterRegistry meters) {
		this.protector = protector;
		// An alert fires on this while it is above zero: payouts refunded to merchants that the bank also paid.
		Gauge.builder("settledesk.reconciliation.severe.breaks.open", () -> jdbc.sql(
				"SELECT COUNT(*) FROM recon_break WHERE kind = 'FAILED_HERE_PAID_AT_BANK' AND status = 'OPEN'")
			.query(Long.class).single())
			.description("Open breaks where a payout FAILED here was PAID at the bank")
			.register(meters);
		this.jdbc = jdbc;
		this.batch = batch;
		this.jobs = jobs;
		this.bank = bank;
		this.payouts = payouts;
		this.audit = audit;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public ReconciliationUpload importFile(String givenName, InputStream content, String owner, String replaceReason) {
		String reason = replaceReason(replaceReason);
		String fileName = FileNames.sanitize(givenName, "result.txt");
		Path copy;
		try {
			copy = Files.createTempFile("settledesk-recon-", ".txt");
			Files.copy(content, copy, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return start(fileName, ReconciliationUpload.Source.UPLOAD, owner, reason, progress -> {
			try {
				return importNow(fileName, copy, owner, reason, progress);
			}
			finally {
				Files.deleteIfExists(copy);
			}
		});
	}

	@Override
	public ReconciliationUpload importBankFile(LocalDate businessDay, String owner, String replaceReason) {
		String reason = replaceReason(replaceReason);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		if (!businessDay.isBefore(today)) {
			throw new ValidationFailedException(new FieldViolation("date", "NOT_YET_CLOSED"));
		}
		return start(businessDay.toString(), ReconciliationUpload.Source.BANK, owner, reason, progress -> {
			Path file = bank.resultFile(businessDay)
				.orElseThrow(() -> new JobFailedException("RECON_NO_BANK_FILE", businessDay.toString()));
			return importNow(file.getFileName().toString(), file, owner, reason, progress);
		});
	}

	/** Yesterday's file is fetched and reconciled each night, once the bank has closed the day. */
	@Scheduled(cron = "${settledesk.reconciliation.cron:0 30 0 * * *}", zone = "Asia/Shanghai")
	void reconcileYesterday() {
		importBankFile(LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE).minusDays(1), "system", null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReconciliationUpload> uploads(int limit) {
		return jdbc.sql("SELECT * FROM recon_upload ORDER BY seq DESC LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 200))).query(ReconciliationService::upload).list();
	}

	@Override
	@Transactional(readOnly = true)
	public ReconciliationUpload upload(UUID id) {
		return jdbc.sql("SELECT * FROM recon_upload WHERE id = :id").param("id", id).query(ReconciliationService::upload)
			.optional().orElseThrow(() -> new ResourceNotFoundException("Reconciliation upload"));
	}

	/** Finance's reason to replace the day's accepted file: none, or 2–500 characters. */
	private static String replaceReason(String given) {
		if (given == null) {
			return null;
		}
		String reason = given.strip();
		if (reason.length() < 2 || reason.length() > 500) {
			throw new ValidationFailedException(new FieldViolation("reason", reason.length() < 2 ? "TOO_SHORT" : "TOO_LONG"));
		}
		return reason;
	}

	/** Records the upload, then runs its import as a job; the upload learns the outcome, a refusal included. */
	private ReconciliationUpload start(String fileName, ReconciliationUpload.Source source, String owner, String reason,
			Import work) {
		UUID uploadId = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO recon_upload (id, file_name, source, requested_by, requested_at, replace_reason, status)
				VALUES (:id, :name, :source, :by, :now, :reason, 'IMPORTING')""")
			.param("id", uploadId).param("name", fileName).param("source", source.name()).param("by", owner)
			.param("now", Timestamps.toDb(clock.instant())).param("reason", reason).update();
		UUID job = jobs.start("RECONCILIATION", owner, progress -> {
			try {
				Imported imported = work.run(progress);
				finish(uploadId, ReconciliationUpload.Status.ACCEPTED, null, null, imported.runId());
				return imported.summary();
			}
			catch (JobFailedException e) {
				finish(uploadId, ReconciliationUpload.Status.REFUSED, e.code(), e.detail(), null);
				throw e;
			}
			catch (Exception e) {
				finish(uploadId, ReconciliationUpload.Status.REFUSED, "INTERNAL", null, null);
				throw e;
			}
		});
		jdbc.sql("UPDATE recon_upload SET job_id = :job WHERE id = :id").param("job", job).param("id", uploadId).update();
		return upload(uploadId);
	}

	private void finish(UUID uploadId, ReconciliationUpload.Status status, String code, String detail, UUID runId) {
		jdbc.sql("""
				UPDATE recon_upload SET status = :status, refusal_code = :code, refusal_detail = :detail, run_id = :run,
				    finished_at = :now WHERE id = :id""")
			.param("status", status.name()).param("code", code)
			.param("detail", detail == null ? null : detail.substring(0, Math.min(detail.length(), 200)))
			.param("run", runId).param("now", Timestamps.toDb(clock.instant())).param("id", uploadId).update();
	}

	/** An import's work: a run, or a {@link JobFailedException} saying why the file was refused. */
	@FunctionalInterface
	private interface Import {

		Imported run(Progress progress) throws Exception;
	}

	private record Imported(UUID runId, JobResult summary) {
	}

	private Imported importNow(String fileName, Path file, String owner, String replaceReason, Progress progress)
			throws IOException {
		progress.total(Files.size(file));
		UUID runId = UUID.randomUUID();
		try (InputStream in = Files.newInputStream(file)) {
			tx.executeWithoutResult(status -> load(runId, fileName, in, owner, replaceReason, progress));
		}
		catch (UncheckedIOException e) {
			throw e.getCause();
		}
		catch (DuplicateKeyException racedAnotherImport) {
			// Two imports of the same file, or of the same day and channel, at once: the unique keys let one through.
			throw new JobFailedException("RECON_IMPORTED_MEANWHILE", fileName);
		}
		return new Imported(runId, summary(run(runId)));
	}

	/** The run this one replaced, by its file name; empty when it replaced none. */
	private String replacedBy(UUID runId) {
		return jdbc.sql("SELECT file_name FROM recon_run WHERE superseded_by = :run").param("run", runId)
			.query(String.class).optional().orElse("");
	}

	/** The job's file: the run in figures, and its breaks by kind (the breaks themselves: {@link #exportBreaks}). */
	private JobResult summary(ReconciliationRun run) {
		StringBuilder csv = new StringBuilder(
				"\uFEFFfile,businessDate,bank,lines,totalFen,matched,breaks,otherDayLines,replaces\r\n")
			.append(CsvCells.row(List.of(run.fileName(), run.businessDate(), run.bank(), run.lines(), run.total().fen(),
					run.matched(), run.breaks(), run.otherDayLines(), replacedBy(run.id()))))
			.append("kind,count\r\n");
		jdbc.sql("SELECT kind, COUNT(*) FROM recon_break WHERE run_id = :run GROUP BY kind ORDER BY kind")
			.param("run", run.id()).query((rs, row) -> csv.append(CsvCells.row(List.of(rs.getString(1), rs.getLong(2)))))
			.list();
		return new JobResult("reconciliation-" + run.businessDate() + ".csv", "text/csv;charset=UTF-8",
				csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Override
	@Transactional(readOnly = true)
	public void exportBreaks(UUID runId, OutputStream out) {
		run(runId);
		Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		try {
			writer.write("\uFEFFid,kind,payoutId,lineNo,ourAmountFen,bankAmountFen,ourStatus,bankStatus,bankReference,status\r\n");
			batch.query(connection -> {
				var statement = connection.prepareStatement("SELECT * FROM recon_break WHERE run_id = ? ORDER BY id");
				statement.setObject(1, runId);
				statement.setFetchSize(1000);
				return statement;
			}, (RowCallbackHandler) rs -> {
				ReconciliationBreak b = reconBreak(rs, 0);
				try {
					writer.write(CsvCells.row(Arrays.asList(b.id(), b.kind(), b.payoutId(), b.lineNo(), b.ourAmountFen(),
							b.bankAmountFen(), b.ourStatus(), b.bankStatus(), b.bankReference(), b.status())));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			});
			writer.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Streams the file into the run's lines: the result file (docs/bank-result-file.md) or, told by its first
	 * bytes, the camt.053 end-of-day statement. A statement books no failed transfer, so its runs expect none; a
	 * payout paid and returned within the statement's day is one RETURNED line.
	 */
	private void load(UUID runId, String fileName, InputStream raw, String owner, String replaceReason,
			Progress progress) {
		BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
		boolean statement = isXml(in);
		List<Object[]> pending = new ArrayList<>(BATCH);
		BankResultFile.Summary summary;
		try {
			Consumer<BankResultFile.Detail> onDetail = detail -> {
				pending.add(new Object[] { runId, detail.lineNo(), detail.payoutId(), detail.fingerprint(), detail.amountFen(),
						detail.status(), detail.bankReference() });
				if (pending.size() == BATCH) {
					insertLines(pending);
				}
			};
			summary = statement ? Camt053Statement.read(in, protector::fingerprint, header -> {
			}, onDetail, progress::done) : BankResultFile.read(in, header -> {
			}, onDetail, progress::done);
		}
		catch (BankResultFile.Corrupt e) {
			throw new JobFailedException(e.truncated() ? "RECON_TRUNCATED" : "RECON_BAD_LINE", String.valueOf(e.lineNo()));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		insertLines(pending);
		long lines = statement ? keepLastWordOfEachPayout(runId) : summary.lines();
		String earlier = jdbc.sql("SELECT file_name FROM recon_run WHERE sha256 = :sha").param("sha", summary.sha256())
			.query(String.class).optional().orElse(null);
		if (earlier != null) {
			throw new JobFailedException("RECON_ALREADY_IMPORTED", earlier);
		}
		LocalDate day = summary.header().businessDate();
		String format = statement ? "CAMT053" : "RESULT_FILE";
		String channel = day + "|" + summary.header().bank() + "|" + format;
		ReconciliationRun replaced = jdbc.sql("SELECT id FROM recon_run WHERE accepted_key = :key FOR UPDATE")
			.param("key", channel).query(UUID.class).optional().map(this::run).orElse(null);
		if (replaced != null && replaceReason == null) {
			throw new JobFailedException("RECON_DAY_ALREADY_IMPORTED", replaced.fileName());
		}
		Instant now = clock.instant();
		if (replaced != null) {
			jdbc.sql("""
					UPDATE recon_run SET accepted_key = NULL, superseded_by = :run, superseded_at = :now, superseded_reason = :reason
					WHERE id = :id""")
				.param("run", runId).param("now", Timestamps.toDb(now)).param("reason", replaceReason)
				.param("id", replaced.id()).update();
		}
		jdbc.sql("""
				INSERT INTO recon_run (id, file_name, sha256, business_date, bank, lines, total_fen, matched, breaks,
				    imported_by, imported_at, format, accepted_key)
				VALUES (:id, :name, :sha, :day, :bank, :lines, :total, 0, 0, :by, :now, :format, :key)""")
			.param("id", runId).param("name", fileName).param("sha", summary.sha256()).param("day", day)
			.param("bank", summary.header().bank()).param("lines", lines).param("total", summary.totalFen())
			.param("format", format).param("key", channel)
			.param("by", owner).param("now", Timestamps.toDb(now)).update();
		if (replaced != null) {
			long closed = jdbc.sql("""
					UPDATE recon_break SET status = 'SUPERSEDED', resolution = :reason, resolved_by = :by, resolved_at = :now
					WHERE run_id = :earlier AND status = 'OPEN'""")
				.param("reason", replaceReason).param("by", owner).param("now", Timestamps.toDb(now))
				.param("earlier", replaced.id()).update();
			audit.record(AuditEvent.of("RECONCILIATION_FILE_REPLACED", "RECON_RUN", replaced.id().toString()).by(owner)
				.before(Map.of("file", replaced.fileName(), "businessDate", day.toString(), "openBreaks", closed))
				.after(Map.of("replacedBy", runId.toString(), "file", fileName, "reason", replaceReason)));
		}
		long lineBreaks = classifyLines(runId);
		long missing = jdbc.sql("""
				INSERT INTO recon_break (run_id, kind, payout_id, our_amount_fen, our_status, status)
				SELECT :run, 'MISSING_AT_BANK', p.id, p.amount_fen, p.status, 'OPEN' FROM payout p
				WHERE p.submitted_at >= :from AND p.submitted_at < :to AND p.status IN (:expected)
				AND NOT EXISTS (SELECT 1 FROM recon_line l WHERE l.run_id = :run AND l.payout_id = p.id)""")
			.param("run", runId)
			.param("expected", statement ? List.of("SUBMITTED", "UNKNOWN", "PAID", "RETURNED")
					: List.of("SUBMITTED", "UNKNOWN", "PAID", "FAILED", "RETURNED")).param("from", Timestamps.toDb(day.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()))
			.param("to", Timestamps.toDb(day.plusDays(1).atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()))
			.update();
		long linesWithBreaks = jdbc.sql(
				"SELECT COUNT(DISTINCT line_no) FROM recon_break WHERE run_id = :run AND line_no IS NOT NULL")
			.param("run", runId).query(Long.class).single();
		long otherDay = jdbc.sql("""
				SELECT COUNT(*) FROM recon_line l JOIN payout p ON p.id = l.payout_id
				WHERE l.run_id = :run AND (p.created_at < :from OR p.created_at >= :to)""")
			.param("run", runId).param("from", Timestamps.toDb(day.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()))
			.param("to", Timestamps.toDb(day.plusDays(1).atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant()))
			.query(Long.class).single();
		jdbc.sql("UPDATE recon_run SET matched = :matched, breaks = :breaks, other_day_lines = :otherDay WHERE id = :id")
			.param("matched", lines - linesWithBreaks).param("breaks", lineBreaks + missing).param("otherDay", otherDay)
			.param("id", runId).update();
		audit.record(AuditEvent.of("RECONCILIATION_IMPORTED", "RECON_RUN", runId.toString()).by(owner)
			.after(Map.of("file", fileName, "businessDate", day.toString(), "lines", lines,
					"breaks", lineBreaks + missing, "otherDayLines", otherDay)));
	}

	/** A statement's debit and the return of the same payout: the return is the payout's state at day's end. */
	private long keepLastWordOfEachPayout(UUID runId) {
		jdbc.sql("""
				DELETE FROM recon_line WHERE run_id = :run AND status = 'PAID' AND EXISTS (
				    SELECT 1 FROM recon_line r WHERE r.run_id = :run AND r.payout_id = recon_line.payout_id
				    AND r.status = 'RETURNED')""").param("run", runId).update();
		return jdbc.sql("SELECT COUNT(*) FROM recon_line WHERE run_id = :run").param("run", runId).query(Long.class)
			.single();
	}

	private static boolean isXml(BufferedInputStream in) {
		try {
			in.mark(64);
			byte[] start = new byte[64];
			int n = in.readNBytes(start, 0, start.length);
			in.reset();
			return Camt053Statement.looksLikeXml(start, n);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void insertLines(List<Object[]> pending) {
		if (!pending.isEmpty()) {
			batch.batchUpdate("""
					INSERT INTO recon_line (run_id, line_no, payout_id, fingerprint, amount_fen, status, bank_reference)
					VALUES (?, ?, ?, ?, ?, ?, ?)""", pending);
			pending.clear();
		}
	}

	/**
	 * Breaks among the file's lines, found by the database: unknown payouts, then amounts, then statuses; and, apart
	 * from those, a line whose account fingerprint is not the card the payout was sent to (a statement without the
	 * account, "NONE", states nothing to compare).
	 */
	private long classifyLines(UUID runId) {
		int unknown = jdbc.sql("""
				INSERT INTO recon_break (run_id, kind, payout_id, line_no, bank_amount_fen, bank_status, bank_reference, status)
				SELECT l.run_id, 'UNKNOWN_AT_BANK', l.payout_id, l.line_no, l.amount_fen, l.status, l.bank_reference, 'OPEN'
				FROM recon_line l WHERE l.run_id = :run AND NOT EXISTS (SELECT 1 FROM payout p WHERE p.id = l.payout_id)""")
			.param("run", runId).update();
		int severe = jdbc.sql("""
				INSERT INTO recon_break (run_id, kind, payout_id, line_no, our_amount_fen, bank_amount_fen, our_status,
				    bank_status, bank_reference, status)
				SELECT l.run_id, 'FAILED_HERE_PAID_AT_BANK', l.payout_id, l.line_no, p.amount_fen, l.amount_fen, p.status,
				    l.status, l.bank_reference, 'OPEN'
				FROM recon_line l JOIN payout p ON p.id = l.payout_id
				WHERE l.run_id = :run AND p.status = 'FAILED' AND l.status = 'PAID'""")
			.param("run", runId).update();
		if (severe > 0) {
			log.error("Reconciliation run {}: {} payouts FAILED here were PAID at the bank — money went back to the "
					+ "balance for transfers the bank booked; finance must act", runId, severe);
		}
		int amounts = jdbc.sql("""
				INSERT INTO recon_break (run_id, kind, payout_id, line_no, our_amount_fen, bank_amount_fen, our_status,
				    bank_status, bank_reference, status)
				SELECT l.run_id, 'AMOUNT_MISMATCH', l.payout_id, l.line_no, p.amount_fen, l.amount_fen, p.status, l.status,
				    l.bank_reference, 'OPEN'
				FROM recon_line l JOIN payout p ON p.id = l.payout_id WHERE l.run_id = :run AND p.amount_fen <> l.amount_fen
				AND NOT (p.status = 'FAILED' AND l.status = 'PAID')""")
			.param("run", runId).update();
		int statuses = jdbc.sql("""
				INSERT INTO recon_break (run_id, kind, payout_id, line_no, our_amount_fen, bank_amount_fen, our_status,
				    bank_status, bank_reference, status)
				SELECT l.run_id, 'STATUS_MISMATCH', l.payout_id, l.line_no, p.amount_fen, l.amount_fen, p.status, l.status,
				    l.bank_reference, 'OPEN'
				FROM recon_line l JOIN payout p ON p.id = l.payout_id
				WHERE l.run_id = :run AND p.amount_fen = l.amount_fen AND p.status <> l.status
				AND NOT (p.status = 'FAILED' AND l.status = 'PAID')""")
			.param("run", runId).update();
		int accounts = jdbc.sql("""
				INSERT INTO recon_break (run_id, kind, payout_id, line_no, our_amount_fen, bank_amount_fen, our_status,
				    bank_status, bank_reference, status)
				SELECT l.run_id, 'ACCOUNT_MISMATCH', l.payout_id, l.line_no, p.amount_fen, l.amount_fen, p.status, l.status,
				    l.bank_reference, 'OPEN'
				FROM recon_line l JOIN payout p ON p.id = l.payout_id
				WHERE l.run_id = :run AND l.fingerprint <> 'NONE' AND l.fingerprint <> p.destination_fingerprint""")
			.param("run", runId).update();
		if (accounts > 0) {
			log.error("Reconciliation run {}: the bank paid {} payouts to an account other than the card they were sent to; "
					+ "finance must act", runId, accounts);
		}
		return (long) unknown + severe + amounts + statuses + accounts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReconciliationRun> runs(int limit) {
		return jdbc.sql(RUNS + " ORDER BY r.imported_at DESC, CASE WHEN r.accepted_key IS NULL THEN 1 ELSE 0 END LIMIT :limit")
			.param("limit", Math.max(1, Math.min(limit, 200))).query(ReconciliationService::run).list();
	}

	@Override
	@Transactional(readOnly = true)
	public ReconciliationRun run(UUID runId) {
		return jdbc.sql(RUNS + " WHERE r.id = :id").param("id", runId).query(ReconciliationService::run).optional()
			.orElseThrow(() -> new ResourceNotFoundException("Reconciliation run"));
	}

	@Override
	@Transactional(readOnly = true)
	public List<ReconciliationBreak> breaks(UUID runId) {
		run(runId);
		return jdbc.sql("""
				SELECT * FROM recon_break WHERE run_id = :run
				ORDER BY CASE status WHEN 'OPEN' THEN 0 WHEN 'RESOLVED' THEN 1 ELSE 2 END,
				    CASE kind WHEN 'FAILED_HERE_PAID_AT_BANK' THEN 0 WHEN 'ACCOUNT_MISMATCH' THEN 1 ELSE 2 END, id LIMIT 1000""")
			.param("run", runId)
			.query(ReconciliationService::reconBreak).list();
	}

	@Override
	@Transactional
	public void resolve(long breakId, String note, boolean applyBankAnswer, String by) {
		String text = note == null ? "" : note.strip();
		if (text.length() < 2 || text.length() > 500) {
			throw new ValidationFailedException(new FieldViolation("note", text.length() < 2 ? "TOO_SHORT" : "TOO_LONG"));
		}
		ReconciliationBreak found = jdbc.sql("SELECT * FROM recon_break WHERE id = :id FOR UPDATE").param("id", breakId)
			.query(ReconciliationService::reconBreak).optional()
			.orElseThrow(() -> new ResourceNotFoundException("Reconciliation break"));
		if (!found.isOpen()) {
			throw new StateConflictException("BREAK_RESOLVED", "The break has been resolved already");
		}
		if (applyBankAnswer) {
			if (!found.bankAnswerApplicable()) {
				throw new StateConflictException("BANK_ANSWER_NOT_APPLICABLE",
						"The bank's answer cannot be applied to a payout in this state");
			}
			takeBankAnswer(found);
		}
		jdbc.sql("""
				UPDATE recon_break SET status = 'RESOLVED', resolution = :note, resolved_by = :by, resolved_at = :now
				WHERE id = :id""")
			.param("note", text).param("by", by).param("now", Timestamps.toDb(clock.instant())).param("id", breakId).update();
		audit.record(AuditEvent.of("RECONCILIATION_BREAK_RESOLVED", "PAYOUT", found.payoutId().toString()).by(by)
			.after(Map.of("kind", found.kind(), "note", text, "bankAnswerApplied", applyBankAnswer)));
	}

	/** The bank's word through the payout itself: a state that no longer allows it refuses (409), nothing resolved. */
	private void takeBankAnswer(ReconciliationBreak found) {
		String reason = "银行对账结果：" + found.bankStatus();
		PayoutStatus ours = PayoutStatus.valueOf(found.ourStatus());
		PayoutStatus outcome = ours == PayoutStatus.PAID ? PayoutStatus.RETURNED
				: "PAID".equals(found.bankStatus()) ? PayoutStatus.PAID : PayoutStatus.FAILED;
		payouts.takeBankAnswer(found.payoutId(), outcome, found.bankReference(), reason);
	}

	private static final String RUNS = """
			SELECT r.*, (SELECT COUNT(*) FROM recon_break b WHERE b.run_id = r.id AND b.status = 'OPEN') AS open_breaks
			FROM recon_run r""";

	private static ReconciliationRun run(ResultSet rs, int row) throws SQLException {
		return new ReconciliationRun(rs.getObject("id", UUID.class), rs.getString("file_name"),
				rs.getObject("business_date", LocalDate.class), rs.getString("bank"), rs.getLong("lines"),
				Money.ofFen(rs.getLong("total_fen")), rs.getLong("matched"), rs.getLong("breaks"), rs.getLong("open_breaks"),
				rs.getString("imported_by"), Timestamps.fromDb(rs.getObject("imported_at", OffsetDateTime.class)),
				rs.getLong("other_day_lines"), rs.getObject("superseded_by", UUID.class),
				Timestamps.fromDb(rs.getObject("superseded_at", OffsetDateTime.class)), rs.getString("superseded_reason"));
	}

	private static ReconciliationUpload upload(ResultSet rs, int row) throws SQLException {
		return new ReconciliationUpload(rs.getObject("id", UUID.class), rs.getObject("job_id", UUID.class),
				rs.getString("file_name"), ReconciliationUpload.Source.valueOf(rs.getString("source")),
				rs.getString("requested_by"), Timestamps.fromDb(rs.getObject("requested_at", OffsetDateTime.class)),
				rs.getString("replace_reason"), ReconciliationUpload.Status.valueOf(rs.getString("status")), rs.getString("refusal_code"), rs.getString("refusal_detail"),
				rs.getObject("run_id", UUID.class), Timestamps.fromDb(rs.getObject("finished_at", OffsetDateTime.class)));
	}

	private static ReconciliationBreak reconBreak(ResultSet rs, int row) throws SQLException {
		return new ReconciliationBreak(rs.getLong("id"), rs.getObject("run_id", UUID.class), rs.getString("kind"),
				rs.getObject("payout_id", UUID.class), (Long) rs.getObject("line_no", Long.class),
				(Long) rs.getObject("our_amount_fen", Long.class), (Long) rs.getObject("bank_amount_fen", Long.class),
				rs.getString("our_status"), rs.getString("bank_status"), rs.getString("bank_reference"), rs.getString("status"),
				rs.getString("resolution"), rs.getString("resolved_by"),
				Timestamps.fromDb(rs.getObject("resolved_at", OffsetDateTime.class)));
	}
}
