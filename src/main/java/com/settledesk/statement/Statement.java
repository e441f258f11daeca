package com.settledesk.statement;

import java.util.List;

import com.settledesk.shared.Money;

/**
 * A merchant's statement (对账单) for the days from {@code firstDay} to {@code lastDay} (Asia/Shanghai):
 * the balance owed to the merchant at the start, every movement, and the balance at the end — which is the
 * opening balance plus the movements, as the ledger has it.
 */
public record Statement(StatementHeader header, List<StatementLine> lines, StatementTotals totals, Money closing) {
}
