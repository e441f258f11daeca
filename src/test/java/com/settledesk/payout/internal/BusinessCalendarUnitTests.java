package com.settledesk.payout.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BusinessCalendarUnitTests {

	private final BusinessCalendar calendar = new BusinessCalendar();

	@ParameterizedTest(name = "{0} working day: {1}")
	@CsvSource({
			"2025-09-28, true",    // Sunday made a working day before National Day (调休)
			"2025-09-30, true",
			"2025-10-01, false",   // National Day and Mid-Autumn, 1–8 October
			"2025-10-08, false",
			"2025-10-09, true",
			"2025-10-11, true",    // Saturday made a working day
			"2025-10-12, false",   // an ordinary Sunday
			"2026-02-14, true",    // Saturday before Spring Festival made a working day
			"2026-02-16, false",   // Spring Festival
			"2026-02-23, false",
			"2026-02-24, true",
			"2026-02-28, true",    // Saturday made a working day after Spring Festival
			"2026-11-25, true",    // an ordinary Wednesday
			"2026-11-28, false" }) // an ordinary Saturday
	void holidays_are_not_working_days_and_make_up_weekends_are(LocalDate date, boolean working) {
		assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
	}

	@ParameterizedTest(name = "T1 after {0} pays on {1}")
	@CsvSource({
			"2025-09-30, 2025-10-09",  // captured before National Day: paid after the holiday
			"2025-10-03, 2025-10-09",
			"2025-09-27, 2025-09-28",  // a Saturday's takings are paid on the make-up Sunday
			"2026-02-13, 2026-02-14",  // Friday before Spring Festival: the make-up Saturday
			"2026-02-14, 2026-02-24",
			"2026-11-27, 2026-11-30" }) // Friday → Monday
	void t1_pays_on_the_next_working_day(LocalDate captured, LocalDate paid) {
		assertThat(calendar.nextWorkingDayAfter(captured)).isEqualTo(paid);
	}
}
