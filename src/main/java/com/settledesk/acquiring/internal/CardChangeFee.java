package com.settledesk.acquiring.internal;

import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.Posting;
import com.settledesk.settlementaccount.SettlementAccountChanged;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

/**
 * Charges the settlement-card change fee (结算卡变更费) when a change takes effect, once: the entry's reference
 * is the new account, so a redelivered event posts nothing. No fee configured, nothing posted.
 */
@Component
class CardChangeFee {

	static final String ENTRY_KIND = "CARD_CHANGE_FEE";

	private final FeeProperties fees;
	private final Ledger ledger;
	private final AuditLog audit;

	CardChangeFee(FeeProperties fees, Ledger ledger, AuditLog audit) {
		this.fees = fees;
		this.ledger = ledger;
		this.audit = audit;
	}

	@ApplicationModuleListener
	void on(SettlementAccountChanged event) {
		Money fee = Money.ofFen(fees.cardChangeFeeFen());
		if (!fee.isPositive()) {
			return;
		}
		MerchantId merchantId = new MerchantId(event.merchantId());
		boolean charged = ledger.post(new JournalEntry(ENTRY_KIND, event.newAccountId().toString(), List.of(
				Posting.debit(LedgerAccount.merchantPayable(merchantId), fee),
				Posting.credit(LedgerAccount.FEE_REVENUE, fee))));
		if (charged) {
			audit.record(AuditEvent.of("CARD_CHANGE_FEE_CHARGED", "MERCHANT", merchantId.toString()).by("system")
				.after(Map.of("amountFen", fee.fen(), "account", event.newAccountMasked())));
		}
	}
}
