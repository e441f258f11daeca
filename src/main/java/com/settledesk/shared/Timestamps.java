package com.settledesk.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Conversion at the persistence edge: instants are stored as UTC timestamps with time zone, truncated to
 * the microsecond both databases keep, so that a value read back equals the value written.
 */
public final class Timestamps {

	private Timestamps() {
	}

	public static OffsetDateTime toDb(Instant instant) {
		return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
	}

	public static Instant fromDb(OffsetDateTime value) {
		return value == null ? null : value.toInstant();
	}

	public static Instant stored(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS);
	}

	/**
	 * The API form: ISO-8601 with the Asia/Shanghai offset. Total: an instant too far out to carry an offset
	 * (the ends of the time line) is shown in UTC, and one beyond even that as nothing, never as a failure.
	 */
	public static OffsetDateTime forDisplay(Instant instant) {
		if (instant == null) {
			return null;
		}
		try {
			return instant.atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime();
		}
		catch (DateTimeException tooFarOut) {
			try {
				return instant.atOffset(ZoneOffset.UTC);
			}
			catch (DateTimeException beyondRepresentation) {
				return null;
			}
		}
	}
}
