package com.settledesk.ledger.internal;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.Posting;
import com.settledesk.shared.Money;
import com.settledesk.shared.Timestamps;

/**
 * Inserts the entry (its unique kind and reference make a replay a no-op), its postings, and updates the
 * maintained balances of merchant accounts in account order, so concurrent postings never deadlock. The
 * acquirer's own accounts (fees, receivable, in transit, bank) are touched by every posting: maintaining a
 * balance row for them would make every capture wait for the one before, so their balance is summed instead.
 */
@Service
class JdbcLedger implements Ledger {

	private final JdbcClient jdbc;
	private final Clock clock;

	JdbcLedger(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
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
		List<Posting> postings = entry.postings();
		for (int line = 0; line < postings.size(); line++) {
			jdbc.sql("INSERT INTO posting (entry_id, line, account, amount_fen) VALUES (:entry, :line, :account, :amount)")
				.param("entry", id).param("line", line + 1).param("account", postings.get(line).account().name())
				.param("amount", postings.get(line).amount().fen()).update();
		}
		postings.stream().filter(p -> maintained(p.account())).sorted(Comparator.comparing(p -> p.account().name()))
			.forEach(this::apply);
		return true;
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

	private void apply(Posting posting) {
		int updated = jdbc.sql("UPDATE ledger_balance SET balance_fen = balance_fen + :amount WHERE account = :account")
			.param("amount", posting.amount().fen()).param("account", posting.account().name()).update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO ledger_balance (account, balance_fen) VALUES (:account, 0) ON CONFLICT DO NOTHING")
				.param("account", posting.account().name()).update();
			jdbc.sql("UPDATE ledger_balance SET balance_fen = balance_fen + :amount WHERE account = :account")
				.param("amount", posting.amount().fen()).param("account", posting.account().name()).update();
		}
	}
}
