package com.settledesk.acquiring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.settledesk.acquiring.Capture;
import com.settledesk.acquiring.Transactions.BatchOutcome;
import com.settledesk.shared.FieldViolation;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class CaptureGroupCommitUnitTests {

	private final ExecutorService callers = Executors.newFixedThreadPool(8);
	private final List<List<String>> groups = new CopyOnWriteArrayList<>();
	private CaptureGroupCommit commit;

	@AfterEach
	void stop() {
		callers.shutdownNow();
		if (commit != null) {
			commit.stop();
		}
	}

	@Test
	void while_a_group_commits_the_next_gathers_and_each_caller_gets_the_outcome_of_its_own_capture() throws Exception {
		CountDownLatch committing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		commit = started(captures -> {
			committing.countDown();
			await(release);
			return answered(captures);
		}, Duration.ofMillis(50));

		Future<Optional<BatchOutcome>> first = callers.submit(() -> commit.submit(capture("A")));
		await(committing);
		List<Future<Optional<BatchOutcome>>> next = new ArrayList<>();
		for (String reference : List.of("B", "C", "D", "E", "F")) {
			next.add(callers.submit(() -> commit.submit(capture(reference))));
		}
		Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> commit.waiting() == 5);
		release.countDown();

		assertThat(tagOf(first.get(5, TimeUnit.SECONDS))).isEqualTo("A");
		for (int i = 0; i < next.size(); i++) {
			assertThat(tagOf(next.get(i).get(5, TimeUnit.SECONDS))).isEqualTo(List.of("B", "C", "D", "E", "F").get(i));
		}
		assertThat(groups).hasSize(2);
		assertThat(groups.get(1)).containsExactlyInAnyOrder("B", "C", "D", "E", "F");
	}

	@Test
	void a_lone_capture_does_not_wait_for_company() {
		commit = started(CaptureGroupCommitUnitTests::answered, Duration.ofSeconds(5));

		Instant start = Instant.now();
		assertThat(tagOf(commit.submit(capture("A")))).isEqualTo("A");
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
	}

	@Test
	void a_group_that_fails_as_a_whole_hands_each_capture_back_to_be_captured_alone() {
		commit = started(captures -> {
			throw new IllegalStateException("the database went away");
		}, Duration.ofMillis(1));

		assertThat(commit.submit(capture("A"))).isEmpty();
	}

	@Test
	void a_stopped_or_disabled_group_commit_hands_captures_back() {
		commit = started(CaptureGroupCommitUnitTests::answered, Duration.ofMillis(1));
		commit.stop();
		assertThat(commit.submit(capture("A"))).isEmpty();

		CaptureGroupCommit disabled = new CaptureGroupCommit(CaptureGroupCommitUnitTests::answered,
				new SimpleMeterRegistry(), false, 64, Duration.ofMillis(1));
		disabled.start();
		assertThat(disabled.submit(capture("B"))).isEmpty();
	}

	private CaptureGroupCommit started(Function<List<Capture>, List<BatchOutcome>> batches, Duration maxWait) {
		CaptureGroupCommit started = new CaptureGroupCommit(captures -> {
			groups.add(captures.stream().map(Capture::reference).toList());
			return batches.apply(captures);
		}, new SimpleMeterRegistry(), true, 64, maxWait);
		started.start();
		return started;
	}

	/** Each capture answered with its own reference, so a caller can tell whose outcome it got. */
	private static List<BatchOutcome> answered(List<Capture> captures) {
		return captures.stream()
			.map(c -> new BatchOutcome(null, List.of(new FieldViolation("reference", c.reference()))))
			.toList();
	}

	private static String tagOf(Optional<BatchOutcome> outcome) {
		return outcome.orElseThrow().violations().get(0).code();
	}

	private static Capture capture(String reference) {
		return new Capture(reference, "822100058120001", "T100000001", "CARD_CHIP", "DEBIT", 100L, Instant.EPOCH);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
