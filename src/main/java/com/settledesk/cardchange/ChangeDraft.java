package com.settledesk.cardchange;

import java.util.List;
import java.util.UUID;

import com.settledesk.settlementaccount.AccountType;
import com.settledesk.shared.Masking;

/**
 * What the merchant entered for the new account. Personal: holder ID and reserved phone; corporate: branch
 * and CNAPS code. On a resubmission, null fields keep their earlier value.
 */
public record ChangeDraft(AccountType accountType, String accountNumber, String accountName, String holderIdNumber,
		String reservedPhone, String bankBranch, String cnapsCode, List<UUID> attachmentIds) {

	public ChangeDraft {
		attachmentIds = attachmentIds == null ? List.of() : List.copyOf(attachmentIds);
	}

	@Override
	public String toString() {
		return "ChangeDraft[type=" + accountType + ", account=" + Masking.maskAccountNumber(accountNumber) + "]";
	}
}
