package com.settledesk.settlementaccount;

import com.settledesk.shared.SettlementAccountId;

/**
 * An active account as a payout records it: masked for people, fingerprinted for matching, and the stored
 * ciphertext of the number for the bank — the number itself is decrypted only when the payout is sent.
 */
public record PayoutDestination(SettlementAccountId accountId, String accountNumberMasked, String accountName,
		String fingerprint, String numberCipher) {
}
