package com.settledesk.statement;

import java.time.LocalDate;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Money;

/** Whose statement, for which days, and what it opened with. */
public record StatementHeader(MerchantId merchantId, String merchantNo, String merchantName, LocalDate firstDay,
		LocalDate lastDay, Money opening) {

	public boolean singleDay() {
		return firstDay.equals(lastDay);
	}
}
