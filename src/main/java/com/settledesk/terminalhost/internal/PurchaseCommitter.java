package com.settledesk.terminalhost.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.terminalhost.internal.HostTransactions.PurchasePlan;

/**
 * Group commit of purchases: concurrent purchases from many terminals are captured in one database transaction
 * (one round trip per statement kind), and each terminal is answered only after that commit. While one group
 * commits, the next gathers. A group that fails (say, a retransmission racing its original) is taken apart and
 * each purchase answered on its own, so no terminal gets another's fate.
 */
@Component
class PurchaseCommitter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PurchaseCommitter.class);

	private final HostTransactions transactions;
	private final TransactionTemplate tx;
	private final int maxGroup;
	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private volatile Thread committer;
	private volatile boolean running;

	PurchaseCommitter(HostTransactions transactions, TransactionTemplate tx,
			@Value("${settledesk.terminal-host.max-group:64}") int maxGroup) {
		this.transactions = transactions;
		this.tx = tx;
		this.maxGroup = maxGroup;
	}

	/**
	 * Captures the planned purchase with whatever else is waiting and answers after the commit; {@code alone}
	 * answers it on its own when its group failed.
	 */
	byte[] submit(PurchasePlan plan, Function<PurchasePlan, byte[]> alone) throws Exception {
		Pending pending = new Pending(plan, alone, new CompletableFuture<>());
		if (!running) {
			return alone.apply(plan);
		}
		queue.add(pending);
		return pending.answer().get(30, TimeUnit.SECONDS);
	}

	private void commitGroups() {
		List<Pending> group = new ArrayList<>();
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxGroup - 1);
				commit(group);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			finally {
				group.clear();
			}
		}
	}

	private void commit(List<Pending> group) {
		try {
			List<byte[]> answers = tx.execute(status -> transactions.captureAll(group.stream().map(Pending::plan).toList()));
			for (int i = 0; i < group.size(); i++) {
				group.get(i).answer().complete(answers.get(i));
			}
		}
		catch (RuntimeException e) {
			log.info("A group of {} purchases failed ({}); answering each on its own", group.size(), e.toString());
			for (Pending pending : group) {
				try {
					pending.answer().complete(pending.alone().apply(pending.plan()));
				}
				catch (RuntimeException single) {
					pending.answer().completeExceptionally(single);
				}
			}
		}
	}

	@Override
	public void start() {
		running = true;
		committer = new Thread(this::commitGroups, "purchase-committer");
		committer.setDaemon(true);
		committer.start();
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = committer;
		if (thread != null) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the TCP server, which drains its requests first. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}

	private record Pending(PurchasePlan plan, Function<PurchasePlan, byte[]> alone, CompletableFuture<byte[]> answer) {
	}
}
