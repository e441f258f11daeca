/**
 * The double-entry ledger (总账): journal entries whose postings balance to zero, ledger accounts for what
 * each merchant is owed, fee revenue, the card networks' receivable, payouts in transit and the settlement
 * bank. Balances are maintained with every posting and provably equal the sum of the postings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger")
package com.settledesk.ledger;
