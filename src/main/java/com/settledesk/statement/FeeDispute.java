package com.settledesk.statement;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public record FeeDispute(UUID id, MerchantId merchantId, LineKind feeKind, String entryReference, Money fee,
		String reason, String status, String raisedBy, Instant raisedAt, String resolution, String resolvedBy,
		Instant resolvedAt) {

	public boolean isOpen() {
		return "OPEN".equals(status);
	}
}
