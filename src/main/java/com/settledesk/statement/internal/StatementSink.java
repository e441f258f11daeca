package com.settledesk.statement.internal;

import com.settledesk.shared.Money;
import com.settledesk.statement.StatementHeader;
import com.settledesk.statement.StatementLine;
import com.settledesk.statement.StatementTotals;

/** Where a statement is written as it is read from the ledger: a screen, a CSV file, a PDF. */
interface StatementSink {

	void start(StatementHeader header);

	void line(StatementLine line);

	void finish(StatementTotals totals, Money closing);
}
