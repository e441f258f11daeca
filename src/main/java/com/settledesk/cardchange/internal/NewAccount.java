package com.settledesk.cardchange.internal;

import java.util.Objects;

import com.settledesk.settlementaccount.AccountType;

/**
 * The account a request asks for, as stored: the number and holder ID only encrypted (with fingerprints
 * and masked forms beside them), never in clear.
 */
record NewAccount(AccountType type, String accountName, String numberCipher, String fingerprint, String masked,
		String bankCode, String bankName, boolean binKnown, String bankBranch, String cnapsCode, String holderIdCipher,
		String holderIdFingerprint, String holderIdMasked, String reservedPhone, boolean holderIsLegalRepresentative) {

	boolean needsFourElementCheck() {
		return type == AccountType.PERSONAL;
	}

	boolean sameHolderAs(NewAccount other) {
		return Objects.equals(holderIdFingerprint, other.holderIdFingerprint)
				&& Objects.equals(accountName, other.accountName) && Objects.equals(reservedPhone, other.reservedPhone);
	}

	@Override
	public String toString() {
		return "NewAccount[" + type + ", " + masked + "]";
	}
}
