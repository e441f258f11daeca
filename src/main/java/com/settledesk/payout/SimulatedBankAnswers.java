package com.settledesk.payout;

/**
 * The simulated bank's answers by destination account, for the demo's history (a payout that fails, one the
 * receiving bank returns). Present only while the bank channel is the simulator; a real bank cannot be told.
 */
public interface SimulatedBankAnswers {

	enum Reply {
		PAID, FAILED, RETURNED
	}

	/** How the bank answers every transfer to this account from now on, with the reason it gives. */
	void answerTransfersTo(String accountNumber, Reply reply, String reason);
}
