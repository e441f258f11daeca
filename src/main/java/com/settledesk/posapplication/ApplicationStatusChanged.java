package com.settledesk.posapplication;

import java.time.Instant;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** An application moved on (published in the transaction that moved it). */
public record ApplicationStatusChanged(UUID applicationId, String number, MerchantId merchantId,
		ApplicationStatus from, ApplicationStatus to, Instant at) {
}
