package com.settledesk.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.IntUnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit: items submitted by concurrent callers are handed together to one commit (one database transaction)
 * and each caller gets its own item's answer only after that commit. While one group commits the next gathers; a
 * group smaller than expected waits at most {@code maxWait} for more, since committing eight costs hardly more than
 * committing two. An item the commit answers empty, every item of a group whose commit failed, and an item submitted
 * while stopped are handed back (empty) for the caller to handle alone, so no caller gets another's fate. A module's
 * group commit is a bean extending this one: it starts and stops with the application, after the servers that
 * submit to it have let their requests finish.
 *
 * @param <T> what callers submit
 * @param <R> the answer each gets
 */
public class GroupCommit<T, R> implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

	private final String name;
	private final int committers;
	private final int maxGroup;
	private final long maxWaitNanos;
	private final IntUnaryOperator expectedAfter;
	private final Function<List<T>, List<Optional<R>>> commit;
	private final BlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
	private final List<Thread> threads = new ArrayList<>();
	private volatile boolean running;

	/**
	 * @param name names the committer threads and the log lines
	 * @param expectedAfter how many items a group should wait for, given the size of the group before it
	 * @param commit commits a group, answering each item in order (empty: to be handled alone)
	 */
	public GroupCommit(String name, int committers, int maxGroup, Duration maxWait, IntUnaryOperator expectedAfter,
			Function<List<T>, List<Optional<R>>> commit) {
		this.name = name;
		this.committers = committers;
		this.maxGroup = maxGroup;
		this.maxWaitNanos = maxWait.toNanos();
		this.expectedAfter = expectedAfter;
		this.commit = commit;
	}

	/** The item's answer after its group's commit; empty when the caller is to handle it alone. */
	public Optional<R> submit(T item) {
		if (!running) {
			return Optional.empty();
		}
		Pending<T, R> pending = new Pending<>(item, new CompletableFuture<>());
		queue.add(pending);
		if (!running && queue.remove(pending)) {
			// stopped meanwhile, and no committer took it
			return Optional.empty();
		}
		try {
			return pending.answer().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the " + name + " group committed", e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("The " + name + " group commit did not answer", e);
		}
	}

	/** Items waiting for their group. */
	public int waiting() {
		return queue.size();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}

	@Override
	public void start() {
		running = true;
		for (int i = 0; i < committers; i++) {
			Thread thread = new Thread(this::commitGroups, name + "-committer-" + i);
			thread.setDaemon(true);
			thread.start();
			threads.add(thread);
		}
	}

	/** Commits what was submitted before; what comes after is handed back. */
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
		List<Pending<T, R>> left = new ArrayList<>();
		queue.drainTo(left);
		left.forEach(pending -> pending.answer().complete(Optional.empty()));
	}

	private void commitGroups() {
		List<Pending<T, R>> group = new ArrayList<>();
		int lastSize = 1;
		while (running || !queue.isEmpty()) {
			try {
				Pending<T, R> first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxGroup - 1);
				long deadline = System.nanoTime() + maxWaitNanos;
				int expected = Math.min(maxGroup, expectedAfter.applyAsInt(lastSize));
				while (group.size() < expected && System.nanoTime() < deadline) {
					Pending<T, R> next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					if (next != null) {
						group.add(next);
						queue.drainTo(group, maxGroup - group.size());
					}
				}
				lastSize = group.size();
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

	private void commit(List<Pending<T, R>> group) {
		try {
			List<Optional<R>> answers = commit.apply(group.stream().map(Pending::item).toList());
			for (int i = 0; i < group.size(); i++) {
				group.get(i).answer().complete(answers.get(i));
			}
		}
		catch (RuntimeException e) {
			log.info("A {} group of {} failed ({}); each is handled alone", name, group.size(), e.toString());
			group.forEach(pending -> pending.answer().complete(Optional.empty()));
		}
	}

	private record Pending<T, R>(T item, CompletableFuture<Optional<R>> answer) {
	}
}
