package com.settledesk.acquiring;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

public interface Transactions {

	/** Captures a transaction; the same reference again answers the first result and posts nothing. */
	CaptureResult capture(Capture capture);

	/** Refunds a captured transaction in full: its posting is reversed, fee included. */
	CapturedTransaction refund(String reference);

	/** Reverses a captured transaction (冲正: the gateway cancels it, e.g. after a timeout); posted as its own entry. */
	CapturedTransaction reverse(String reference);

	List<CapturedTransaction> ofMerchant(MerchantId merchantId, LocalDate from, LocalDate to, int limit);

	/** Net amounts captured on or after the business date (for T1: not yet due). */
	Money netCapturedSince(MerchantId merchantId, LocalDate businessDate);

	/** Gross takings per business day. */
	Map<LocalDate, Money> takingsByDay(MerchantId merchantId, LocalDate from, LocalDate to);

	record CaptureResult(CapturedTransaction transaction, boolean duplicate) {
	}
}
