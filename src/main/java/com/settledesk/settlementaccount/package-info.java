/**
 * Settlement accounts (结算账户 / 结算卡): the personal debit card or corporate account a merchant is paid
 * to. Exactly one is active per merchant; a bound record is never edited, a change binds a new one and
 * unbinds the old with a time. Also the bank-card BIN directory that recognises a bank from a number.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settlement accounts")
package com.settledesk.settlementaccount;
