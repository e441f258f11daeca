package com.settledesk.statement.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.Transactions;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.jobs.JobResult;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.LedgerLine;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.statement.LineKind;
import com.settledesk.statement.Statement;
import com.settledesk.statement.StatementFile;
import com.settledesk.statement.StatementFormat;
import com.settledesk.statement.StatementHeader;
import com.settledesk.statement.StatementLine;
import com.settledesk.statement.StatementTotals;
import com.settledesk.statement.Statements;

/**
 * Reads a merchant's payable account from the ledger — the opening balance, then every posting of the period
 * as a stream — and explains each posting with its transaction or payout, looked up a page at a time. The
 * balance is the ledger's, so a statement ties to it by construction; nothing is recomputed from elsewhere.
 */
@Service
class StatementService implements Statements {

	private static final int PAGE = 500;

	private final Ledger ledger;
	private final Transactions transactions;
	private final Payouts payouts;
	private final Merchants merchants;
	private final BackgroundJobs jobs;
	private final StatementDocuments documents;
	private final Notifications notifications;
	private final Clock clock;

	StatementService(Ledger ledger, Transactions transactions, Payouts payouts, Merchants merchants,
			BackgroundJobs jobs, StatementDocuments documents, Clock clock, Notifications notifications) {
		this.notifications = notifications;
		this.ledger = ledger;
		this.transactions = transactions;
		this.payouts = payouts;
		this.merchants = merchants;
		this.jobs = jobs;
		this.documents = documents;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Statement daily(MerchantId merchantId, LocalDate day) {
		CollectingSink sink = new CollectingSink();
		write(merchant(merchantId), checked(day), day, sink, done -> {
		});
		return sink.statement();
	}

	@Override
	@Transactional(readOnly = true)
	public StatementFile dailyFile(MerchantId merchantId, LocalDate day, StatementFormat format) {
		MerchantProfile merchant = merchant(merchantId);
		var file = documents.open(format, merchant);
		write(merchant, checked(day), day, file, done -> {
		});
		return file.toFile(documents.fileName(merchant, day.toString(), format));
	}

	@Override
	public UUID startMonthly(MerchantId merchantId, YearMonth month, StatementFormat format, String owner) {
		MerchantProfile merchant = merchant(merchantId);
		LocalDate first = checked(month.atDay(1));
		LocalDate last = month.atEndOfMonth().isAfter(today()) ? today() : month.atEndOfMonth();
		return jobs.start("STATEMENT_MONTH", owner, progress -> {
			progress.total(ledger.countPostings(LedgerAccount.merchantPayable(merchantId), start(first), end(last)));
			var file = documents.open(format, merchant);
			write(merchant, first, last, file, progress::done);
			StatementFile done = file.toFile(documents.fileName(merchant, month.toString(), format));
			notifications.notifyMerchant(new Recipient(merchantId, merchant.contactPhone(), merchant.language()),
					NoticeKind.STATEMENT, "notice.statement.ready",
					new Object[] { month.toString(), format.name() });
			return new JobResult(done.fileName(), done.contentType(), done.content());
		});
	}

	/** Writes the statement of the days to the sink, reporting how many postings it has written. */
	void write(MerchantProfile merchant, LocalDate first, LocalDate last, StatementSink sink, LongConsumer written) {
		LedgerAccount account = LedgerAccount.merchantPayable(merchant.id());
		Money opening = ledger.balanceBefore(account, start(first)).negate();
		sink.start(new StatementHeader(merchant.id(), merchant.merchantNo(), merchant.name(), first, last, opening));
		Explainer explainer = new Explainer(sink, opening, written);
		ledger.forEachPosting(account, start(first), end(last), explainer::add);
		explainer.flush();
		sink.finish(explainer.totals, explainer.balance);
	}

	/** Statements cover the past five years up to today; a day in the future has none. */
	private LocalDate checked(LocalDate day) {
		if (day.isAfter(today()) || day.isBefore(today().minusYears(5))) {
			throw new ValidationFailedException(new FieldViolation("date", "OUT_OF_RANGE"));
		}
		return day;
	}

	private MerchantProfile merchant(MerchantId merchantId) {
		return merchants.find(merchantId).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
	}

	private static Instant start(LocalDate day) {
		return day.atStartOfDay(ClockConfiguration.DISPLAY_ZONE).toInstant();
	}

	private static Instant end(LocalDate lastDay) {
		return start(lastDay.plusDays(1));
	}

	/** Turns postings into explained lines a page at a time, keeping the running balance and totals. */
	private final class Explainer {

		private final StatementSink sink;
		private final LongConsumer written;
		private final List<LedgerLine> page = new ArrayList<>(PAGE);
		private Money balance;
		private StatementTotals totals = StatementTotals.NONE;
		private long count;

		Explainer(StatementSink sink, Money opening, LongConsumer written) {
			this.sink = sink;
			this.balance = opening;
			this.written = written;
		}

		void add(LedgerLine line) {
			page.add(line);
			if (page.size() == PAGE) {
				flush();
			}
		}

		void flush() {
			List<UUID> transactionIds = new ArrayList<>();
			List<UUID> payoutIds = new ArrayList<>();
			for (LedgerLine line : page) {
				switch (LineKind.ofEntry(line.kind())) {
					case CAPTURE, REFUND, REVERSAL -> transactionIds.add(UUID.fromString(line.reference()));
					case PAYOUT, PAYOUT_FAILED, PAYOUT_RETURNED -> payoutIds.add(UUID.fromString(line.reference()));
					default -> {
					}
				}
			}
			Map<UUID, CapturedTransaction> byTransaction = transactions.byIds(transactionIds);
			Map<UUID, PayoutView> byPayout = payouts.byIds(payoutIds);
			for (LedgerLine posting : page) {
				Money effect = posting.amount().negate();
				balance = balance.plus(effect);
				StatementLine line = explain(posting, effect, balance, byTransaction, byPayout);
				totals = totals.with(line);
				sink.line(line);
			}
			count += page.size();
			page.clear();
			written.accept(count);
		}
	}

	private static StatementLine explain(LedgerLine posting, Money effect, Money balance,
			Map<UUID, CapturedTransaction> byTransaction, Map<UUID, PayoutView> byPayout) {
		LineKind kind = LineKind.ofEntry(posting.kind());
		switch (kind) {
			case CAPTURE, REFUND, REVERSAL -> {
				CapturedTransaction t = byTransaction.get(UUID.fromString(posting.reference()));
				boolean undo = kind != LineKind.CAPTURE;
				return new StatementLine(posting.postedAt(), kind, posting.kind(), posting.reference(), t.reference(),
						undo ? t.amount().negate() : t.amount(), undo ? t.fee().negate() : t.fee(), effect, balance,
						null, t.channel().name());
			}
			case PAYOUT, PAYOUT_FAILED, PAYOUT_RETURNED -> {
				PayoutView p = byPayout.get(UUID.fromString(posting.reference()));
				boolean back = kind != LineKind.PAYOUT;
				return new StatementLine(posting.postedAt(), kind, posting.kind(), posting.reference(),
						p.id().toString(), back ? p.gross() : p.gross().negate(), back ? p.fee().negate() : p.fee(), effect,
						balance, p.destinationMasked(), p.status().name());
			}
			case CARD_CHANGE_FEE, TERMINAL_RENT -> {
				return new StatementLine(posting.postedAt(), kind, posting.kind(), posting.reference(), posting.reference(),
						Money.ZERO, effect.negate(), effect, balance, null, null);
			}
			default -> {
				return new StatementLine(posting.postedAt(), kind, posting.kind(), posting.reference(), posting.reference(),
						effect, Money.ZERO, effect, balance, null, null);
			}
		}
	}

	/** Keeps the statement for the screen. */
	private static final class CollectingSink implements StatementSink {

		private StatementHeader header;
		private final List<StatementLine> lines = new ArrayList<>();
		private Statement statement;

		@Override
		public void start(StatementHeader header) {
			this.header = header;
		}

		@Override
		public void line(StatementLine line) {
			lines.add(line);
		}

		@Override
		public void finish(StatementTotals totals, Money closing) {
			statement = new Statement(header, List.copyOf(lines), totals, closing);
		}

		Statement statement() {
			return statement;
		}
	}
}
