package com.settledesk.terminal;

import java.time.Instant;

/** One line of a terminal's history: what happened, by whom, with an optional note. */
public record TerminalEvent(String serialNo, String event, String note, String by, Instant at) {
}
