package com.settledesk.payout.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The Chinese working-day calendar (data/cn-calendar): public holidays are not working days, and the
 * weekend days made working days (调休) are. Other days follow Monday to Friday.
 */
@Component
class BusinessCalendar {

	private final Map<LocalDate, Boolean> exceptions;

	BusinessCalendar() {
		this.exceptions = load();
	}

	boolean isWorkingDay(LocalDate date) {
		Boolean exception = exceptions.get(date);
		if (exception != null) {
			return exception;
		}
		return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

	LocalDate nextWorkingDayAfter(LocalDate date) {
		LocalDate next = date.plusDays(1);
		while (!isWorkingDay(next)) {
			next = next.plusDays(1);
		}
		return next;
	}

	private static Map<LocalDate, Boolean> load() {
		Map<LocalDate, Boolean> days = new HashMap<>();
		try (var reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("data/cn-calendar/2025-2027.csv").getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#") || line.startsWith("date")) {
					continue;
				}
				String[] columns = line.split(",");
				days.put(LocalDate.parse(columns[0]), "WORKDAY".equals(columns[1]));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("The business calendar cannot be read", e);
		}
		return Map.copyOf(days);
	}
}
