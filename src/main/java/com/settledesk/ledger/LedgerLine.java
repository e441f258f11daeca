package com.settledesk.ledger;

import java.time.Instant;

import com.settledesk.shared.Money;

/** One posting to an account, with the kind and reference of its entry (debit positive). */
public record LedgerLine(String kind, String reference, Money amount, Instant postedAt) {
}
