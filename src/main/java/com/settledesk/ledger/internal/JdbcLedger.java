package com.settledesk.ledger.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.Posting;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
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
	private final Clock clock;

	JdbcLedger(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.clock = clock;
	}

	@Override
	@Transactional
	public boolean post(JournalEntry entry) {
		UUID id = UUID.randomUUID();
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
			UUID id = UUID.randomUUID();
			journal.add(new Object[] { id, entry.kind(), entry.reference(), now });
			addPostings(id, entry, postings);
		}
		batch.batchUpdate("INSERT INTO journal_entry (id, kind, reference, created_at) VALUES (?, ?, ?, ?)", journal);
		batch.batchUpdate(INSERT_POSTING, postings);
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

	private void moveBalances(List<JournalEntry> entries) {
		SortedMap<String, Long> moves = new TreeMap<>();
		for (JournalEntry entry : entries) {
			for (Posting posting : entry.postings()) {
				if (maintained(posting.account())) {
					moves.merge(posting.account().name(), posting.amount().fen(), Long::sum);
				}
			}
		}
		List<Object[]> updates = new ArrayList<>(moves.size());
		moves.forEach((account, amount) -> updates.add(new Object[] { amount, account }));
		String update = "UPDATE ledger_balance SET balance_fen = balance_fen + ? WHERE account = ?";
		int[] counts = batch.batchUpdate(update, updates);
		List<Object[]> missing = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				missing.add(updates.get(i));
			}
		}
		if (!missing.isEmpty()) {
			batch.batchUpdate("INSERT INTO ledger_balance (account, balance_fen) VALUES (?, 0) ON CONFLICT DO NOTHING",
					missing.stream().map(row -> new Object[] { row[1] }).toList());
			batch.batchUpdate(update, missing);
		}
	}
}
