package com.settledesk.payout;

/**
 * One exchange with the bank now, in the caller's thread: what the scheduled jobs do on their intervals — due
 * payouts handed over, the channel's files sent, the bank's answers and returns read (and, in the demo, the
 * simulated bank's turn in between). The demo's history replays its days with it instead of waiting for them.
 */
public interface BankExchange {

	void exchangeNow();
}
