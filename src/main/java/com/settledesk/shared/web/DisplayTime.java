package com.settledesk.shared.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import com.settledesk.shared.ClockConfiguration;

/** Times as people here read them: Asia/Shanghai, to the minute. Used in templates as {@code @displayTime}. */
@Component("displayTime")
public class DisplayTime {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ClockConfiguration.DISPLAY_ZONE);

	public String format(Instant instant) {
		return instant == null ? "" : MINUTES.format(instant);
	}
}
