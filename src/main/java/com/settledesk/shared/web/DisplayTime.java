package com.settledesk.shared.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.settledesk.shared.ClockConfiguration;

/**
 * Times as people here read them: Asia/Shanghai, to the minute, in the page's language — "2026年11月27日 14:05" in
 * Chinese, "Nov 27, 2026 14:05" in English. Used in templates as {@code @displayTime}.
 */
@Component("displayTime")
public class DisplayTime {

	private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINESE)
		.withZone(ClockConfiguration.DISPLAY_ZONE);
	private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH)
		.withZone(ClockConfiguration.DISPLAY_ZONE);
	private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ClockConfiguration.DISPLAY_ZONE);
	private static final DateTimeFormatter CHINESE_DAY = DateTimeFormatter.ofPattern("M月d日", Locale.CHINESE);
	private static final DateTimeFormatter ENGLISH_DAY = DateTimeFormatter.ofPattern("MMM d", Locale.ENGLISH);

	/** Total: whatever is stored, a page shows something rather than failing. */
	public String format(Instant instant) {
		return format(instant, LocaleContextHolder.getLocale());
	}

	public String format(Instant instant, Locale locale) {
		if (instant == null) {
			return "";
		}
		try {
			return (english(locale) ? ENGLISH : CHINESE).format(instant);
		}
		catch (DateTimeException outOfRange) {
			return instant.toString();
		}
	}

	/**
	 * The same moment for documents — PDF and CSV statements, receipts, slips: "2026-11-27 14:05", one width in
	 * every language, fits a table column and a spreadsheet reads it.
	 */
	public String compact(Instant instant) {
		if (instant == null) {
			return "";
		}
		try {
			return COMPACT.format(instant);
		}
		catch (DateTimeException outOfRange) {
			return instant.toString();
		}
	}

	/** A day of the month without the year ("11月26日", "Nov 26"), as on a chart's caption. */
	public String day(LocalDate day) {
		return day(day, LocaleContextHolder.getLocale());
	}

	public String day(LocalDate day, Locale locale) {
		return day == null ? "" : (english(locale) ? ENGLISH_DAY : CHINESE_DAY).format(day);
	}

	private static boolean english(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage());
	}
}
