package com.settledesk.acquiring;

import java.util.List;
import java.util.UUID;

/**
 * Transactions were captured: the ids of those a capture transaction inserted, at most {@link #MAX_IDS} per event,
 * so that a batch or a group commit of the terminal host costs one small publication, not one per sale. Listeners
 * read the transactions through {@link Transactions#byIds}.
 */
public record TransactionsCaptured(List<UUID> transactionIds) {

	public static final int MAX_IDS = 1000;
}
