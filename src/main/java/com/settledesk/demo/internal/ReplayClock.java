package com.settledesk.demo.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The demo's clock while its history is written: it stands at the moment being replayed, so every module stamps
 * the sales, sweeps and bank answers of a past day with that day's time; otherwise it is the clock it wraps. The
 * history is written before the app takes requests, so no one else sees it move.
 */
public final class ReplayClock extends Clock {

	private final Clock actual;
	private final AtomicReference<Instant> replaying;

	ReplayClock(Clock actual) {
		this(actual, new AtomicReference<>());
	}

	private ReplayClock(Clock actual, AtomicReference<Instant> replaying) {
		this.actual = actual;
		this.replaying = replaying;
	}

	void replayAt(Instant moment) {
		replaying.set(moment);
	}

	void backToNow() {
		replaying.set(null);
	}

	Instant actualInstant() {
		return actual.instant();
	}

	@Override
	public Instant instant() {
		Instant moment = replaying.get();
		return moment != null ? moment : actual.instant();
	}

	@Override
	public ZoneId getZone() {
		return actual.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return zone.equals(getZone()) ? this : new ReplayClock(actual.withZone(zone), replaying);
	}
}
