package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsUnitTests {

	@Test
	void ids_are_version_7_unique_and_each_sorts_after_the_one_made_before_it() {
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			ids.add(TimeOrderedIds.next());
		}

		assertThat(ids).allMatch(id -> id.version() == 7 && id.variant() == 2).doesNotHaveDuplicates();
		assertThat(ids).isSortedAccordingTo(UUID::compareTo);
	}

	@Test
	void an_id_begins_with_the_millisecond_it_was_made() {
		long before = System.currentTimeMillis();
		UUID id = TimeOrderedIds.next();
		long after = System.currentTimeMillis();

		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
	}
}
