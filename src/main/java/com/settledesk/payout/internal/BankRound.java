package com.settledesk.payout.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.settledesk.payout.BankExchange;

/**
 * The scheduled bank jobs run once, in order, by whoever asks (see {@link BankExchange}). The file steps are
 * synchronized, so a scheduled run beside this one never reads or answers the same file twice.
 */
@Component
class BankRound implements BankExchange {

	private final PayoutService payouts;
	private final ObjectProvider<Iso20022BankChannel> fileChannel;
	private final ObjectProvider<FileBankSimulator> fileBank;

	BankRound(PayoutService payouts, ObjectProvider<Iso20022BankChannel> fileChannel,
			ObjectProvider<FileBankSimulator> fileBank) {
		this.payouts = payouts;
		this.fileChannel = fileChannel;
		this.fileBank = fileBank;
	}

	@Override
	public void exchangeNow() {
		payouts.submitDue();
		fileChannel.ifAvailable(Iso20022BankChannel::sendQueued);
		fileBank.ifAvailable(FileBankSimulator::work);
		fileChannel.ifAvailable(Iso20022BankChannel::readAnswers);
		payouts.collectReturns();
	}
}
