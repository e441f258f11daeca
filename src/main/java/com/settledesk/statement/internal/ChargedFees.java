package com.settledesk.statement.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import com.settledesk.acquiring.Transactions;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.statement.LineKind;

/**
 * A fee as the ledger charged it: the entry must exist, touch this merchant's payable and credit fee revenue.
 * Anything else — another merchant's entry, an entry without a fee — is not found, so nothing is revealed.
 */
@Component
class ChargedFees {

	record ChargedFee(LineKind kind, String entryKind, String entryReference, String reference, Money fee,
			Instant chargedAt) {
	}

	private final Ledger ledger;
	private final Transactions transactions;

	ChargedFees(Ledger ledger, Transactions transactions) {
		this.ledger = ledger;
		this.transactions = transactions;
	}

	ChargedFee find(MerchantId merchantId, String entryKind, String entryReference) {
		LineKind kind = entryKind == null ? LineKind.OTHER : LineKind.ofEntry(entryKind);
		if (!kind.chargesFee() || entryReference == null) {
			throw new ResourceNotFoundException("Fee");
		}
		var entry = ledger.entry(entryKind, entryReference)
			.filter(e -> e.amountOn(LedgerAccount.merchantPayable(merchantId)).fen() != 0)
			.orElseThrow(() -> new ResourceNotFoundException("Fee"));
		// A deposit is not our revenue: it is held for the merchant, and its receipt is a deposit receipt.
		Money fee = entry.amountOn(kind == LineKind.TERMINAL_DEPOSIT ? LedgerAccount.TERMINAL_DEPOSITS
				: LedgerAccount.FEE_REVENUE).negate();
		if (!fee.isPositive()) {
			throw new ResourceNotFoundException("Fee");
		}
		String reference = kind == LineKind.CAPTURE
				? transactions.byIds(List.of(UUID.fromString(entryReference))).get(UUID.fromString(entryReference)).reference()
				: entryReference;
		return new ChargedFee(kind, entryKind, entryReference, reference, fee, entry.postedAt());
	}
}
