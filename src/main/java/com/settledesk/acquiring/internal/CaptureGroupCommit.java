package com.settledesk.acquiring.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions.BatchOutcome;
import com.settledesk.shared.GroupCommit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Group commit of single captures: captures that arrive together (a gateway's concurrent requests) are captured as
 * one batch — one database transaction, a statement per table — and each caller is answered only after that commit,
 * with its own outcome: created, duplicate (of an earlier capture or of another in the group, as if they had come one
 * after the other) or rejected with its field codes. When the last group had more than one capture, a new one waits
 * at most {@code max-wait} for as many, so a lone caller never waits. A group that fails as a whole (the database, a
 * reference taken thrice meanwhile) is handed back for each capture to go alone.
 */
@Component
class CaptureGroupCommit implements SmartLifecycle {

	private final GroupCommit<Capture, BatchOutcome> groups;
	private final boolean enabled;

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
		this.enabled = enabled;
		DistributionSummary sizes = DistributionSummary.builder("settledesk.capture.group.size")
			.description("Single captures committed together in one database transaction").register(meters);
		this.groups = new GroupCommit<>("capture", 1, maxGroup, maxWait, lastSize -> lastSize, group -> {
			List<Optional<BatchOutcome>> outcomes = batches.apply(group).stream().map(Optional::of).toList();
			sizes.record(group.size());
			return outcomes;
		});
		Gauge.builder("settledesk.capture.group.waiting", groups, GroupCommit::waiting)
			.description("Single captures waiting for their group to commit").register(meters);
	}

	/** The capture's outcome after its group's commit; empty when it is to be captured alone. */
	Optional<BatchOutcome> submit(Capture capture) {
		return groups.submit(capture);
	}

	int waiting() {
		return groups.waiting();
	}

	@Override
	public void start() {
		if (enabled) {
			groups.start();
		}
	}

	@Override
	public void stop() {
		groups.stop();
	}

	@Override
	public boolean isRunning() {
		return groups.isRunning();
	}

	/** Stops after the web server, which lets its requests finish first. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 4096;
	}
}
