package com.settledesk.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.PipelinedWrites;
import com.settledesk.testsupport.IntegrationTest;

/**
 * Postings running at the same time lock the balance rows they share in one order, rows made on the way included: with
 * the old update-then-insert-the-missing order this test ended transactions with "deadlock detected" on H2 and on
 * PostgreSQL.
 */
@IntegrationTest
class LedgerConcurrencyIntegrationTests {

	private static final int THREADS = 8;
	private static final int ROUNDS = 30;

	@Autowired
	Ledger ledger;

	@Autowired
	PipelinedWrites writes;

	@Autowired
	TransactionTemplate tx;

	@Test
	void concurrent_first_postings_of_merchants_beside_existing_ones_all_land_without_a_deadlock() throws Exception {
		List<MerchantId> existing = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			existing.add(new MerchantId(UUID.randomUUID()));
		}
		ledger.postAll(existing.stream().map(m -> entry(Map.of(m, 1L))).toList());
		// every round, all threads post to the same new merchants (their balance rows made on the way) and to existing ones
		List<List<MerchantId>> fresh = new ArrayList<>();
		for (int r = 0; r < ROUNDS; r++) {
			fresh.add(List.of(new MerchantId(UUID.randomUUID()), new MerchantId(UUID.randomUUID()),
					new MerchantId(UUID.randomUUID())));
		}
		Map<MerchantId, AtomicLong> expected = new ConcurrentHashMap<>();
		existing.forEach(m -> expected.put(m, new AtomicLong(1)));
		CyclicBarrier together = new CyclicBarrier(THREADS);
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			done.add(pool.submit(() -> {
				Random random = new Random(thread);
				for (int r = 0; r < ROUNDS; r++) {
					List<MerchantId> accounts = new ArrayList<>(fresh.get(r));
					List<MerchantId> some = new ArrayList<>(existing);
					Collections.shuffle(some, random);
					accounts.addAll(some.subList(0, 3));
					Map<MerchantId, Long> amounts = new HashMap<>();
					accounts.forEach(m -> amounts.put(m, 1L + random.nextInt(100)));
					together.await(10, TimeUnit.SECONDS);
					// half the threads hold their inserts like a group commit, half post at once like a large batch
					tx.executeWithoutResult(status -> {
						if (thread % 2 == 0) {
							writes.together(() -> {
								ledger.postAll(List.of(entry(amounts)));
								return null;
							});
						}
						else {
							ledger.postAll(List.of(entry(amounts)));
						}
					});
					amounts.forEach((m, fen) -> expected.computeIfAbsent(m, k -> new AtomicLong()).addAndGet(fen));
				}
				return null;
			}));
		}
		pool.shutdown();
		List<Throwable> failures = new ArrayList<>();
		for (Future<?> f : done) {
			try {
				f.get(120, TimeUnit.SECONDS);
			}
			catch (ExecutionException e) {
				failures.add(e.getCause());
			}
		}
		// a thread that failed leaves the others waiting at the barrier: its own failure is the one that tells
		assertThat(failures).filteredOn(e -> !(e instanceof BrokenBarrierException)).isEmpty();
		assertThat(failures).isEmpty();

		Map<LedgerAccount, Money> balances = ledger.balances(expected.keySet().stream()
			.map(LedgerAccount::merchantPayable).toList());
		expected.forEach((m, fen) -> assertThat(balances.get(LedgerAccount.merchantPayable(m)))
			.isEqualTo(Money.ofFen(-fen.get())));
	}

	private static JournalEntry entry(Map<MerchantId, Long> amounts) {
		List<Posting> postings = new ArrayList<>();
		long total = 0;
		for (var amount : amounts.entrySet()) {
			postings.add(Posting.credit(LedgerAccount.merchantPayable(amount.getKey()), Money.ofFen(amount.getValue())));
			total += amount.getValue();
		}
		postings.add(Posting.debit(LedgerAccount.CARD_NETWORK_RECEIVABLE, Money.ofFen(total)));
		return new JournalEntry("TEST", UUID.randomUUID().toString(), postings);
	}
}
