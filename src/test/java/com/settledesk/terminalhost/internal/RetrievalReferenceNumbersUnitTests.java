package com.settledesk.terminalhost.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RetrievalReferenceNumbersUnitTests {

	private static final Instant NOV_28_SHANGHAI = Instant.parse("2026-11-27T16:30:00Z");

	@Test
	void twoInstancesDrawingFromOneSequenceNeverHandOutTheSameNumber() {
		AtomicLong sequence = new AtomicLong(1);
		RetrievalReferenceNumbers first = new RetrievalReferenceNumbers(() -> sequence.getAndAdd(10), 10);
		RetrievalReferenceNumbers second = new RetrievalReferenceNumbers(() -> sequence.getAndAdd(10), 10);
		List<String> drawn = new ArrayList<>();
		for (int i = 0; i < 50_000; i++) {
			drawn.add(first.next(NOV_28_SHANGHAI));
			drawn.add(second.next(NOV_28_SHANGHAI));
		}
		assertThat(new HashSet<>(drawn)).hasSize(drawn.size());
	}

	@Test
	void aNumberIsTheShanghaiDayAsYdddAndEightDigits() {
		RetrievalReferenceNumbers rrns = new RetrievalReferenceNumbers(() -> 1_234_567_890L, 1000);
		assertThat(rrns.next(NOV_28_SHANGHAI)).isEqualTo("633234567890");
		assertThat(rrns.next(NOV_28_SHANGHAI)).isEqualTo("633234567891").hasSize(12);
	}
}
