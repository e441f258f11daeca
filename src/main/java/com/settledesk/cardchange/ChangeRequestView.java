package com.settledesk.cardchange;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.MerchantId;

/** A change request as others may see it: numbers masked, never in full. */
public record ChangeRequestView(ChangeRequestId id, MerchantId merchantId, ChangeRequestStatus status,
		AccountType accountType, String accountNumberMasked, String accountName, String bankCode, String bankName,
		boolean binKnown, String bankBranch, String cnapsCode, String holderIdMasked, boolean holderIsLegalRepresentative,
		String previousAccountMasked, VerificationStatus verificationStatus, String submittedBy, String submittedIp,
		Instant submittedAt, String infoRequest, String rejectReason, Instant effectiveAt, List<UUID> attachmentIds,
		List<HistoryEntry> history, ReviewState review) {
}
