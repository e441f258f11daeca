package com.settledesk.terminalhost;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.Money;

/**
 * The electronic sales slip (电子签购单) of a purchase taken by the terminal host: what the paper slip would say,
 * the card only masked. {@code entryMode} is field 22 (021 swipe, 051 chip, 071 contactless).
 */
public record SalesSlip(UUID transactionId, String merchantName, String merchantNo, String terminalId,
		String cardMasked, String entryMode, Money amount, String rrn, String authCode, String batchNo, String stan,
		Instant at, boolean voided, boolean reversed) {
}
