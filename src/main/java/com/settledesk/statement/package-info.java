/**
 * Statements, receipts and fee disputes (对账单 / 收据 / 费用争议): what a merchant was paid and charged, read
 * from the ledger so that every statement ties to it to the fen — per day or month, on screen, as CSV for
 * spreadsheets and as PDF; a numbered receipt for every fee; and a dispute raised from a statement line for
 * operators to answer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Statements")
package com.settledesk.statement;
