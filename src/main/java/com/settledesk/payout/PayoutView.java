package com.settledesk.payout;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public record PayoutView(UUID id, MerchantId merchantId, String mode, Money gross, Money fee, Money amount,
		PayoutStatus status, UUID destinationAccountId, String destinationMasked, int attempts, String failureReason,
		Instant createdAt, Instant submittedAt, Instant paidAt, Instant closedAt) {
}
