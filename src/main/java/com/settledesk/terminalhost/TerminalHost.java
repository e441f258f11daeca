package com.settledesk.terminalhost;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The terminal host's live state, for operators. */
public interface TerminalHost {

	HostState state();

	/**
	 * What the host is doing now: its port and connections, messages answered in each of the last minutes by
	 * message type and response code, MAC failures by terminal since start, open batches, batches closed with 95.
	 */
	record HostState(boolean running, int port, int connections, List<MinuteCounts> lastMinutes,
			Map<String, Long> macFailuresByTerminal, List<Batch> openBatches, List<Batch> batchesThatDiffered) {
	}

	/** Answers in one minute: "0200 00" → count. */
	record MinuteCounts(Instant minute, Map<String, Long> byTypeAndCode) {

		public long total() {
			return byTypeAndCode.values().stream().mapToLong(Long::longValue).sum();
		}
	}

	record Batch(String terminalId, String batchNo, Instant openedAt, Instant closedAt, String terminalTotals,
			String hostTotals) {
	}
}
