package com.settledesk.terminalhost.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.shared.GroupCommit;
import com.settledesk.terminalhost.internal.HostTransactions.PurchasePlan;

/**
 * Group commit of purchases: concurrent purchases from many terminals are captured in one database transaction
 * (one round trip per statement kind), and each terminal is answered only after that commit. A group smaller than the
 * number of connected terminals waits a short moment (at most {@code max-wait}) for more. A purchase the group cannot
 * take (a retransmission, a batch no longer open) and every purchase of a group that failed (say, a retransmission
 * racing its original) are handed back to be answered one by one, so no terminal gets another's fate.
 */
@Component
class PurchaseCommitter extends GroupCommit<PurchasePlan, byte[]> {

	PurchaseCommitter(HostTransactions transactions, HostMetrics metrics, TransactionTemplate tx,
			@Value("${settledesk.terminal-host.max-group:64}") int maxGroup,
			@Value("${settledesk.terminal-host.committers:1}") int committers,
			@Value("${settledesk.terminal-host.max-wait:PT0.002S}") Duration maxWait) {
		super("purchase", committers, maxGroup, maxWait, lastSize -> metrics.openConnections(),
				plans -> answered(tx.execute(status -> transactions.captureAll(plans))));
	}

	private static List<Optional<byte[]>> answered(List<Optional<byte[]>> answers) {
		if (answers == null) {
			throw new IllegalStateException("The group's transaction answered nothing");
		}
		return answers;
	}
}
