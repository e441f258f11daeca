package com.settledesk.statement;

import java.time.Instant;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

/** A receipt for one fee: its unique number, whose, for what, how much, when charged and when issued. */
public record Receipt(String number, MerchantId merchantId, LineKind feeKind, String entryReference, String reference,
		Money amount, Instant chargedAt, Instant issuedAt) {
}
