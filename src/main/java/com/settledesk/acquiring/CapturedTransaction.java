package com.settledesk.acquiring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public record CapturedTransaction(UUID id, String reference, MerchantId merchantId, String terminalSn, Channel channel,
		CardKind cardKind, Money amount, Money fee, Money net, Instant occurredAt, Instant capturedAt,
		LocalDate businessDate, String status) {
}
