package com.settledesk.settlementaccount;

/**
 * An account to bind whose secrets are already protected (ciphertexts, fingerprint, masked form), as a
 * reviewed change request holds them; nothing is decrypted on the way.
 */
public record ProtectedAccount(AccountType accountType, String accountName, String numberCipher, String fingerprint,
		String masked, String bankCode, String bankName, String bankBranch, String cnapsCode, String holderIdCipher,
		String reservedPhone) {

	@Override
	public String toString() {
		return "ProtectedAccount[" + accountType + ", " + masked + "]";
	}
}
