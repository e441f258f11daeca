package com.settledesk.acquiring.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
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
class CaptureGroupCommit extends GroupCommit<Capture, BatchOutcome> {

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
		super("capture", 1, maxGroup, maxWait, lastSize -> lastSize, measured(batches, meters));
		this.enabled = enabled;
		Gauge.builder("settledesk.capture.group.waiting", this, GroupCommit::waiting)
			.description("Single captures waiting for their group to commit").register(meters);
	}

	private static Function<List<Capture>, List<Optional<BatchOutcome>>> measured(
			Function<List<Capture>, List<BatchOutcome>> batches, MeterRegistry meters) {
		DistributionSummary sizes = DistributionSummary.builder("settledesk.capture.group.size")
			.description("Single captures committed together in one database transaction").register(meters);
		return group -> {
			List<Optional<BatchOutcome>> outcomes = batches.apply(group).stream().map(Optional::of).toList();
			sizes.record(group.size());
			return outcomes;
		};
	}

	@Override
	public void start() {
		if (enabled) {
			super.start();
		}
	}
}
