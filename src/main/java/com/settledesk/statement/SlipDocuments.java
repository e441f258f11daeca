package com.settledesk.statement;

import java.util.Locale;

import com.settledesk.terminalhost.SalesSlip;

/** The electronic sales slip (电子签购单) as a PDF. */
public interface SlipDocuments {

	/** The slip as a PDF in the language; no font on the server is a 409, as for statements. */
	StatementFile pdf(SalesSlip slip, Locale locale);
}
