package com.settledesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdFilterUnitTests {

	@Test
	void a_new_request_id_is_a_random_version_4_uuid_and_does_not_repeat() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			String id = RequestIdFilter.newId();
			UUID uuid = UUID.fromString(id);
			assertThat(uuid.version()).isEqualTo(4);
			assertThat(uuid.variant()).isEqualTo(2);
			ids.add(id);
		}
		assertThat(ids).hasSize(10_000);
	}
}
