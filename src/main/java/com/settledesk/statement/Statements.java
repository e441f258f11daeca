package com.settledesk.statement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;

import com.settledesk.shared.MerchantId;

/** Merchants' statements from the ledger. */
public interface Statements {

	/** A day's statement, on screen. */
	Statement daily(MerchantId merchantId, LocalDate day);

	/** A day's statement as a file in the format. */
	StatementFile dailyFile(MerchantId merchantId, LocalDate day, StatementFormat format);

	/**
	 * Starts writing a month's statement in the background for the user; answers the job whose progress and
	 * file the user then follows (the jobs module).
	 */
	UUID startMonthly(MerchantId merchantId, YearMonth month, StatementFormat format, String owner);
}
