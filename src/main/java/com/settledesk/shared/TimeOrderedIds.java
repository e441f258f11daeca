package com.settledesk.shared;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Ids for rows inserted by the thousand (transactions, journal entries, host messages): UUID version 7 — the
 * millisecond first, then random bits — so a new row's key lands at the end of its primary-key index, not on a random
 * page of it that must be read and, after each checkpoint, written whole to the WAL again.
 */
public final class TimeOrderedIds {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private TimeOrderedIds() {
	}

	public static UUID next() {
		return GENERATOR.generate();
	}
}
