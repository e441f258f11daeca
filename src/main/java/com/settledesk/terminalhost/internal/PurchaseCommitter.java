package com.settledesk.terminalhost.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
 * commits, the next gathers; a group smaller than the number of connected terminals waits a short moment (at most
 * {@code max-wait}) for more, since a commit of eight costs hardly more than a commit of two. A purchase the group cannot take (a retransmission, a batch no
 * longer open) and every purchase of a group that failed (say, a retransmission racing its original) are handed
 * back to be answered one by one, so no terminal gets another's fate.
 */
@Component
class PurchaseCommitter implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PurchaseCommitter.class);

	private final HostTransactions transactions;
	private final HostMetrics metrics;
	private final TransactionTemplate tx;
	private final int maxGroup;
	private final int committers;
	private final long maxWaitNanos;
	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private final List<Thread> threads = new ArrayList<>();
	private volatile boolean running;

	PurchaseCommitter(HostTransactions transactions, HostMetrics metrics, TransactionTemplate tx,
			@Value("${settledesk.terminal-host.max-group:64}") int maxGroup,
			@Value("${settledesk.terminal-host.committers:1}") int committers,
			@Value("${settledesk.terminal-host.max-wait:PT0.002S}") Duration maxWait) {
		this.transactions = transactions;
		this.metrics = metrics;
		this.maxWaitNanos = maxWait.toNanos();
		this.tx = tx;
		this.maxGroup = maxGroup;
		this.committers = committers;
	}

	/** The planned purchase's answer after the commit of its group; empty when it is to be answered on its own. */
	Optional<byte[]> submit(PurchasePlan plan) throws Exception {
		if (!running) {
			return Optional.empty();
		}
		Pending pending = new Pending(plan, new CompletableFuture<>());
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
				long deadline = System.nanoTime() + maxWaitNanos;
				while (group.size() < Math.min(maxGroup, metrics.openConnections()) && System.nanoTime() < deadline) {
					Pending next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					if (next != null) {
						group.add(next);
						queue.drainTo(group, maxGroup - group.size());
					}
				}
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
			List<Optional<byte[]>> answers = tx.execute(status -> transactions.captureAll(group.stream()
				.map(Pending::plan).toList()));
			for (int i = 0; i < group.size(); i++) {
				group.get(i).answer().complete(answers.get(i));
			}
		}
		catch (RuntimeException e) {
			log.info("A group of {} purchases failed ({}); answering each on its own", group.size(), e.toString());
			group.forEach(pending -> pending.answer().complete(Optional.empty()));
		}
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < committers; i++) {
			Thread thread = new Thread(this::commitGroups, "purchase-committer-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
	}

	@Override
	public void stop() {
		running = false;
		for (Thread thread : threads) {
			try {
				thread.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		threads.clear();
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

	private record Pending(PurchasePlan plan, CompletableFuture<Optional<byte[]>> answer) {
	}
}
