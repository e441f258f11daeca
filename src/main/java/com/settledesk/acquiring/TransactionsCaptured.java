package com.settledesk.acquiring;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/**
 * Transactions were captured: the ids of those a capture transaction inserted, at most {@link #MAX_IDS} per event,
 * so that a batch or a group commit of the terminal host costs one small event, not one per sale, and the merchants
 * they belong to, so that a listener can tell without reading them whether any concerns it. Listeners read the
 * transactions through {@link Transactions#byIds}.
 */
public record TransactionsCaptured(List<UUID> transactionIds, Set<MerchantId> merchantIds) {

	public static final int MAX_IDS = 1000;
}
