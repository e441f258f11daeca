package com.settledesk.shared.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.settledesk.shared.ClockConfiguration;

/** Times as people here read them: Asia/Shanghai, to the minute. Used in templates as {@code @displayTime}. */
@Component("displayTime")
public class DisplayTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ClockConfiguration.DISPLAY_ZONE);

	/** Total: whatever is stored, a page shows something rather than failing. */
	public String format(Instant instant) {
		if (instant == null) {
			return "";
		}
		try {
			return MINUTES.format(instant);
		}
		catch (DateTimeException outOfRange) {
			return instant.toString();
		}
	}
}
