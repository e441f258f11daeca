package com.settledesk.posapplication.internal;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.ledger.JournalEntry;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.ledger.Posting;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;
import com.settledesk.terminal.ChargeKind;

/**
 * What terminals cost a merchant, through the ledger: on approval the deposits (held for the merchant) or the
 * first month's rent (our revenue) leave the merchant's balance; a returned terminal's deposit comes back. Each
 * entry is keyed by the application number (and serial number for a refund), so none is posted twice.
 */
@Component
class TerminalCharges {

	static final String DEPOSIT = "TERMINAL_DEPOSIT";
	static final String RENT = "TERMINAL_RENT";
	static final String DEPOSIT_REFUND = "TERMINAL_DEPOSIT_REFUND";

	private final Ledger ledger;
	private final AuditLog audit;

	TerminalCharges(Ledger ledger, AuditLog audit) {
		this.ledger = ledger;
		this.audit = audit;
	}

	void chargeOnApproval(TerminalApplicationView application) {
		Money total = application.totalCharge();
		MerchantId merchant = application.merchantId();
		boolean deposit = application.chargeKind() == ChargeKind.DEPOSIT;
		boolean posted = ledger.post(new JournalEntry(deposit ? DEPOSIT : RENT, application.number(), List.of(
				Posting.debit(LedgerAccount.merchantPayable(merchant), total),
				Posting.credit(deposit ? LedgerAccount.TERMINAL_DEPOSITS : LedgerAccount.FEE_REVENUE, total))));
		if (posted) {
			audit.record(AuditEvent.of(deposit ? "TERMINAL_DEPOSIT_CHARGED" : "TERMINAL_RENT_CHARGED", "MERCHANT",
					merchant.toString()).by("system")
				.after(Map.of("application", application.number(), "amountFen", total.fen())));
		}
	}

	/** Charges one rented terminal's rent for the month; answers false when it was charged before. */
	boolean chargeRent(TerminalApplicationView application, String serialNo, java.time.YearMonth month) {
		Money rent = application.unitCharge();
		boolean posted = ledger.post(new JournalEntry(RENT, application.number() + "/" + serialNo + "/" + month, List.of(
				Posting.debit(LedgerAccount.merchantPayable(application.merchantId()), rent),
				Posting.credit(LedgerAccount.FEE_REVENUE, rent))));
		if (posted) {
			audit.record(AuditEvent.of("TERMINAL_RENT_CHARGED", "MERCHANT", application.merchantId().toString())
				.by("system").after(Map.of("application", application.number(), "serialNo", serialNo,
						"month", month.toString(), "amountFen", rent.fen())));
		}
		return posted;
	}

	/** Refunds one terminal's deposit; answers false when it was refunded before. */
	boolean refundDeposit(TerminalApplicationView application, String serialNo) {
		if (application.chargeKind() != ChargeKind.DEPOSIT) {
			return false;
		}
		Money deposit = application.unitCharge();
		boolean posted = ledger.post(new JournalEntry(DEPOSIT_REFUND, application.number() + "/" + serialNo, List.of(
				Posting.debit(LedgerAccount.TERMINAL_DEPOSITS, deposit),
				Posting.credit(LedgerAccount.merchantPayable(application.merchantId()), deposit))));
		if (posted) {
			audit.record(AuditEvent.of("TERMINAL_DEPOSIT_REFUNDED", "MERCHANT", application.merchantId().toString())
				.by("system").after(Map.of("application", application.number(), "serialNo", serialNo,
						"amountFen", deposit.fen())));
		}
		return posted;
	}
}
