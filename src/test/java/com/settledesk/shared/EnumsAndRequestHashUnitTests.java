package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnumsAndRequestHashUnitTests {

	@Test
	void text_from_a_page_names_an_enum_constant_or_nothing() {
		assertThat(Enums.parseOrNull(DayOfWeek.class, " MONDAY ")).isEqualTo(DayOfWeek.MONDAY);
		assertThat(Enums.parseOrNull(DayOfWeek.class, "monday")).isNull();
		assertThat(Enums.parseOrNull(DayOfWeek.class, "")).isNull();
		assertThat(Enums.parseOrNull(DayOfWeek.class, null)).isNull();
		assertThat(Enums.parseOrNull(DayOfWeek.class, "x".repeat(10_000))).isNull();
	}

	@Test
	void the_same_request_content_has_the_same_hash_and_any_change_or_shift_between_parts_another() {
		String hash = RequestHash.of("OTHER", "到账", null, List.of("a"));
		assertThat(hash).hasSize(64).isEqualTo(RequestHash.of("OTHER", "到账", null, List.of("a")));
		assertThat(RequestHash.of("OTHER", "到账", "x", List.of("a"))).isNotEqualTo(hash);
		assertThat(RequestHash.of("ab", "c")).isNotEqualTo(RequestHash.of("a", "bc"));
	}
}
