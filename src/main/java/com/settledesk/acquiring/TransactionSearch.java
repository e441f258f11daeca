package com.settledesk.acquiring;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import com.settledesk.shared.Money;

/**
 * What a merchant looks for among its transactions (交易查询): the days of the sale (Asia/Shanghai, both included)
 * and, each optional, channel, exact amount, part of the reference, terminal, and a set of transactions the result
 * must be among (say, those paid with a card ending in certain digits; an empty set finds nothing).
 */
public record TransactionSearch(LocalDate from, LocalDate to, Channel channel, Money amount, String reference,
		String terminalSn, Set<UUID> among) {

	public TransactionSearch {
		if (from == null || to == null || from.isAfter(to)) {
			throw new IllegalArgumentException("A search needs its days in order");
		}
	}

	/** One page of what a search found, with the count and the captured total of everything it found. */
	public record Found(java.util.List<CapturedTransaction> transactions, long count, Money capturedTotal) {
	}
}
