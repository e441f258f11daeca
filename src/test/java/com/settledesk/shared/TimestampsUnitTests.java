package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.settledesk.shared.web.DisplayTime;

class TimestampsUnitTests {

	@Test
	void anInstantAtTheEndsOfTheTimeLineIsStillShownNeverAFailure() {
		Instant farOut = Instant.parse("+999999999-12-31T23:00:00Z");
		assertThat(Timestamps.forDisplay(farOut)).as("past the last offset date in Shanghai: shown in UTC")
			.hasToString("+999999999-12-31T23:00Z");
		assertThat(Timestamps.forDisplay(Instant.MAX)).as("beyond any date: left out, not a failure").isNull();
		assertThat(Timestamps.forDisplay(Instant.MIN)).isNull();
		assertThat(new DisplayTime().format(farOut)).isNotBlank();
		assertThat(new DisplayTime().format(Instant.MAX)).isNotBlank();
	}

	@Test
	void anOrdinaryInstantIsShownInShanghaiTime() {
		assertThat(Timestamps.forDisplay(Instant.parse("2026-11-27T02:15:00Z"))).hasToString("2026-11-27T10:15+08:00");
		Instant at = Instant.parse("2026-11-27T02:15:00Z");
		assertThat(new DisplayTime().format(at, java.util.Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年11月27日 10:15");
		assertThat(new DisplayTime().format(at, java.util.Locale.ENGLISH)).isEqualTo("Nov 27, 2026 10:15");
		assertThat(new DisplayTime().compact(at)).isEqualTo("2026-11-27 10:15");
		assertThat(new DisplayTime().day(java.time.LocalDate.of(2026, 11, 26), java.util.Locale.SIMPLIFIED_CHINESE))
			.isEqualTo("11月26日");
		assertThat(new DisplayTime().day(java.time.LocalDate.of(2026, 11, 26), java.util.Locale.ENGLISH))
			.isEqualTo("Nov 26");
	}
}
