/**
 * Settlement and payouts (结算 / 出款): D0 sweeps any day, T1 sweeps on working days of the Chinese calendar;
 * each payout goes to the settlement account active when it is created, through a bank-channel adapter,
 * with retries, returns, holds after repeated failures, and re-pointing when the card changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payouts")
package com.settledesk.payout;
