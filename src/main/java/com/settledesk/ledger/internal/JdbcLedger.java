package com.settledesk.ledger.internal;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.LedgerLine;
import com.settledesk.ledger.PostedEntry;
import com.settledesk.ledger.Posting;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.shared.TimeOrderedIds;
import com.settledesk.shared.Timestamps;

/**
 * Inserts entries and their postings, then moves the maintained balances of merchant accounts — summed per
 * account and in account order, so concurrent postings never deadlock and a batch touches each row once. The
 * acquirer's own accounts (fees, receivable, in transit, bank) are touched by every posting: maintaining a
 * balance row for them would make every capture wait for the one before, so their balance is summed instead.
 */
@Service
class JdbcLedger implements Ledger {

	private static final String INSERT_POSTING = "INSERT INTO posting (entry_id, line, account, amount_fen) VALUES (?, ?, ?, ?)";
	private static final int IN_LIST = 1000;

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final PipelinedWrites writes;
	private final Clock clock;

	JdbcLedger(JdbcClient jdbc, JdbcTemplate batch, PipelinedWrites writes, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.writes = writes;
		this.clock = clock;
	}

	@Override
	@Transactional
	public boolean post(JournalEntry entry) {
		UUID id = TimeOrderedIds.next();
		int inserted = jdbc.sql("""
				INSERT INTO journal_entry (id, kind, reference, created_at) VALUES (:id, :kind, :reference, :at)
				ON CONFLICT DO NOTHING""")
			.param("id", id).param("kind", entry.kind()).param("reference", entry.reference())
			.param("at", Timestamps.toDb(clock.instant())).update();
		if (inserted == 0) {
			return false;
		}
		List<Object[]> postings = new ArrayList<>();
		addPostings(id, entry, postings);
		batch.batchUpdate(INSERT_POSTING, postings);
		moveBalances(List.of(entry));
		return true;
	}

	@Override
	@Transactional
	public void postAll(List<JournalEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		OffsetDateTime now = Timestamps.toDb(clock.instant());
		List<Object[]> journal = new ArrayList<>(entries.size());
		List<Object[]> postings = new ArrayList<>(entries.size() * 3);
		for (JournalEntry entry : entries) {
			UUID id = TimeOrderedIds.next();
			journal.add(new Object[] { id, entry.kind(), entry.reference(), now });
			addPostings(id, entry, postings);
		}
		writes.insert("INSERT INTO journal_entry (id, kind, reference, created_at) VALUES (?, ?, ?, ?)", journal);
		writes.insert(INSERT_POSTING, postings);
		moveBalances(entries);
	}

	@Override
	@Transactional(readOnly = true)
	public Money balance(LedgerAccount account) {
		if (!maintained(account)) {
			return Money.ofFen(jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM posting WHERE account = :account")
				.param("account", account.name()).query(Long.class).single());
		}
		return Money.ofFen(jdbc.sql("SELECT balance_fen FROM ledger_balance WHERE account = :account")
			.param("account", account.name()).query(Long.class).optional().orElse(0L));
	}

	@Override
	@Transactional(readOnly = true)
	public Map<LedgerAccount, Money> balances(Collection<LedgerAccount> merchantAccounts) {
		Map<LedgerAccount, Money> balances = new LinkedHashMap<>();
		List<String> names = new ArrayList<>();
		for (LedgerAccount account : merchantAccounts) {
			if (!maintained(account)) {
				throw new IllegalArgumentException(account.name() + " is not a merchant account");
			}
			balances.put(account, Money.ZERO);
			names.add(account.name());
		}
		for (int from = 0; from < names.size(); from += IN_LIST) {
			jdbc.sql("SELECT account, balance_fen FROM ledger_balance WHERE account IN (:names)")
				.param("names", names.subList(from, Math.min(names.size(), from + IN_LIST)))
				.query((rs, row) -> balances.put(new LedgerAccount(rs.getString(1)), Money.ofFen(rs.getLong(2))))
				.list();
		}
		return balances;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<MerchantId, Money> owedToMerchants(Money atLeast) {
		Map<MerchantId, Money> owed = new HashMap<>();
		jdbc.sql("SELECT account, balance_fen FROM ledger_balance WHERE account LIKE 'MERCHANT_PAYABLE:%' AND balance_fen <= :credit")
			.param("credit", -atLeast.fen())
			.query((rs, row) -> owed.put(new LedgerAccount(rs.getString(1)).merchantId(), Money.ofFen(-rs.getLong(2))))
			.list();
		return owed;
	}

	@Override
	@Transactional(readOnly = true)
	public Money balanceBefore(LedgerAccount account, Instant at) {
		return Money.ofFen(jdbc.sql("""
				SELECT COALESCE(SUM(p.amount_fen), 0) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
				WHERE p.account = :account AND e.created_at < :at""")
			.param("account", account.name()).param("at", Timestamps.toDb(at)).query(Long.class).single());
	}

	@Override
	@Transactional(readOnly = true)
	public long countPostings(LedgerAccount account, Instant from, Instant to) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
				WHERE p.account = :account AND e.created_at >= :from AND e.created_at < :to""")
			.param("account", account.name()).param("from", Timestamps.toDb(from)).param("to", Timestamps.toDb(to))
			.query(Long.class).single();
	}

	@Override
	@Transactional(readOnly = true)
	public void forEachPosting(LedgerAccount account, Instant from, Instant to, Consumer<LedgerLine> line) {
		batch.query(connection -> {
			PreparedStatement statement = connection.prepareStatement("""
					SELECT e.kind, e.reference, p.amount_fen, e.created_at
					FROM posting p JOIN journal_entry e ON e.id = p.entry_id
					WHERE p.account = ? AND e.created_at >= ? AND e.created_at < ?
					ORDER BY e.created_at, e.id, p.line""");
			statement.setString(1, account.name());
			statement.setObject(2, Timestamps.toDb(from));
			statement.setObject(3, Timestamps.toDb(to));
			statement.setFetchSize(1000);
			return statement;
		}, (RowCallbackHandler) rs -> line.accept(new LedgerLine(rs.getString(1), rs.getString(2),
				Money.ofFen(rs.getLong(3)), Timestamps.fromDb(rs.getObject(4, OffsetDateTime.class)))));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PostedEntry> entry(String kind, String reference) {
		record Row(Instant postedAt, Posting posting) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT e.created_at, p.account, p.amount_fen FROM journal_entry e JOIN posting p ON p.entry_id = e.id
				WHERE e.kind = :kind AND e.reference = :reference ORDER BY p.line""")
			.param("kind", kind).param("reference", reference)
			.query((rs, n) -> new Row(Timestamps.fromDb(rs.getObject(1, OffsetDateTime.class)),
					new Posting(new LedgerAccount(rs.getString(2)), Money.ofFen(rs.getLong(3)))))
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new PostedEntry(kind, reference, rows.get(0).postedAt(), rows.stream().map(Row::posting).toList()));
	}

	@Override
	@Transactional(readOnly = true)
	public boolean consistent() {
		long total = jdbc.sql("SELECT COALESCE(SUM(amount_fen), 0) FROM posting").query(Long.class).single();
		long mismatched = jdbc.sql("""
				SELECT COUNT(*) FROM ledger_balance b
				LEFT JOIN (SELECT account, SUM(amount_fen) AS total FROM posting GROUP BY account) p ON p.account = b.account
				WHERE b.balance_fen <> COALESCE(p.total, 0)""").query(Long.class).single();
		long missing = jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT account, SUM(amount_fen) AS total FROM posting
				    WHERE account LIKE 'MERCHANT_PAYABLE:%' GROUP BY account) p
				LEFT JOIN ledger_balance b ON b.account = p.account
				WHERE COALESCE(b.balance_fen, 0) <> p.total""").query(Long.class).single();
		long unbalancedEntries = jdbc.sql("""
				SELECT COUNT(*) FROM (SELECT entry_id FROM posting GROUP BY entry_id HAVING SUM(amount_fen) <> 0) x""")
			.query(Long.class).single();
		return total == 0 && mismatched == 0 && missing == 0 && unbalancedEntries == 0;
	}

	private static boolean maintained(LedgerAccount account) {
		return account.isMerchantAccount();
	}

	private static void addPostings(UUID entryId, JournalEntry entry, List<Object[]> rows) {
		List<Posting> postings = entry.postings();
		for (int line = 0; line < postings.size(); line++) {
			Posting posting = postings.get(line);
			rows.add(new Object[] { entryId, line + 1, posting.account().name(), posting.amount().fen() });
		}
	}

	private int moveBalance(String account, long fen) {
		return jdbc.sql("UPDATE ledger_balance SET balance_fen = balance_fen + :fen WHERE account = :account")
			.param("fen", fen).param("account", account).update();
	}

	private void moveBalances(List<JournalEntry> entries) {
		SortedMap<String, Long> moves = new TreeMap<>();
		for (JournalEntry entry : entries) {
			for (Posting posting : entry.postings()) {
				if (maintained(posting.account())) {
					moves.merge(posting.account().name(), posting.amount().fen(), Long::sum);
				}
			}
		}
		if (writes.postgres()) {
			// One upsert in account order, held with the other inserts or sent at once: every posting locks the rows it
			// shares with another in the same order, a row created on the way included (an update first and an insert
			// of the missing rows after took them out of order, and concurrent first postings of merchants deadlocked).
			writes.insert("""
					INSERT INTO ledger_balance (account, balance_fen) VALUES (?, ?)
					ON CONFLICT (account) DO UPDATE SET balance_fen = ledger_balance.balance_fen + EXCLUDED.balance_fen""",
					moves.entrySet().stream().map(move -> new Object[] { move.getKey(), move.getValue() }).toList());
			return;
		}
		// The embedded database has no upsert that adds: each row is finished before the next, in account order, so
		// rows are locked in that order here too (updating all first and inserting the missing ones after did not).
		moves.forEach((account, fen) -> {
			if (moveBalance(account, fen) == 0
					&& jdbc.sql("INSERT INTO ledger_balance (account, balance_fen) VALUES (:account, :fen) ON CONFLICT DO NOTHING")
						.param("account", account).param("fen", fen).update() == 0) {
				// made meanwhile by a concurrent posting
				moveBalance(account, fen);
			}
		});
	}
}
