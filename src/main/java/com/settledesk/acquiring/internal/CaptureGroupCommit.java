package com.settledesk.acquiring.internal;

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

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions.BatchOutcome;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit of single captures: captures that arrive together (a gateway's concurrent requests) are captured as
 * one batch — one database transaction, a statement per table — and each caller is answered only after that commit,
 * with its own outcome: created, duplicate (of an earlier capture or of another in the group, as if they had come one
 * after the other) or rejected with its field codes. While a group commits the next gathers; when the last group had
 * more than one capture, a new one waits at most {@code max-wait} for as many, so a lone caller never waits. A group
 * that fails as a whole (the database, a reference taken thrice meanwhile) is handed back for each to be captured
 * alone, so no caller gets another's fate.
 */
@Component
class CaptureGroupCommit implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CaptureGroupCommit.class);

	private final Function<List<Capture>, List<BatchOutcome>> batches;
	private final int maxGroup;
	private final long maxWaitNanos;
	private final boolean enabled;
	private final DistributionSummary groupSizes;
	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
	private volatile boolean running;
	private Thread committer;

	@Autowired
	CaptureGroupCommit(ObjectProvider<CaptureService> captures, MeterRegistry meters,
			@Value("${settledesk.capture.group-commit.enabled:true}") boolean enabled,
			@Value("${settledesk.capture.group-commit.max-size:64}") int maxGroup,
			@Value("${settledesk.capture.group-commit.max-wait:PT0.001S}") Duration maxWait) {
		this(group -> captures.getObject().captureAll(group), meters, enabled, maxGroup, maxWait);
	}

	/** With the batch capture to commit each group through: {@link CaptureService#captureAll}, or a test's own. */
	CaptureGroupCommit(Function<List<Capture>, List<BatchOutcome>> batches, MeterRegistry meters, boolean enabled,
			int maxGroup, Duration maxWait) {
		this.batches = batches;
		this.enabled = enabled;
		this.maxGroup = maxGroup;
		this.maxWaitNanos = maxWait.toNanos();
		this.groupSizes = DistributionSummary.builder("settledesk.capture.group.size")
			.description("Single captures committed together in one database transaction").register(meters);
		Gauge.builder("settledesk.capture.group.waiting", this, CaptureGroupCommit::waiting)
			.description("Single captures waiting for their group to commit").register(meters);
	}

	int waiting() {
		return queue.size();
	}

	/** The capture's outcome after its group's commit; empty when it is to be captured alone. */
	Optional<BatchOutcome> submit(Capture capture) {
		if (!running) {
			return Optional.empty();
		}
		Pending pending = new Pending(capture, new CompletableFuture<>());
		queue.add(pending);
		try {
			return pending.outcome().get(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the capture's group committed", e);
		}
		catch (ExecutionException | TimeoutException e) {
			throw new IllegalStateException("The capture's group commit did not answer", e);
		}
	}

	private void commitGroups() {
		List<Pending> group = new ArrayList<>();
		int lastSize = 1;
		while (running || !queue.isEmpty()) {
			try {
				Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxGroup - 1);
				long deadline = System.nanoTime() + maxWaitNanos;
				while (group.size() < Math.min(maxGroup, lastSize) && System.nanoTime() < deadline) {
					Pending next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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

	private void commit(List<Pending> group) {
		try {
			List<BatchOutcome> outcomes = batches.apply(group.stream().map(Pending::capture).toList());
			groupSizes.record(group.size());
			for (int i = 0; i < group.size(); i++) {
				group.get(i).outcome().complete(Optional.of(outcomes.get(i)));
			}
		}
		catch (RuntimeException e) {
			log.info("A group of {} captures failed ({}); capturing each alone", group.size(), e.toString());
			group.forEach(pending -> pending.outcome().complete(Optional.empty()));
		}
	}

	@Override
	public void start() {
		if (!enabled) {
			return;
		}
		running = true;
		committer = new Thread(this::commitGroups, "capture-committer");
		committer.setDaemon(true);
		committer.start();
	}

	/** Commits what was submitted; a capture submitted after that is handed back to be captured alone. */
	@Override
	public void stop() {
		running = false;
		if (committer != null) {
			try {
				committer.join(TimeUnit.SECONDS.toMillis(10));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			committer = null;
		}
		List<Pending> left = new ArrayList<>();
		queue.drainTo(left);
		left.forEach(pending -> pending.outcome().complete(Optional.empty()));
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops after the web server, which lets its requests finish first. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}

	private record Pending(Capture capture, CompletableFuture<Optional<BatchOutcome>> outcome) {
	}
}
