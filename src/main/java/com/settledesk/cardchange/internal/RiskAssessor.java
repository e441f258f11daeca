package com.settledesk.cardchange.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;

import com.settledesk.identity.LoginHistory;
import com.settledesk.settlementaccount.SettlementAccounts;

/**
 * Gathers the risk signals of a request (domain.md) and derives its level: the highest level any signal
 * raises it to, LOW when there is none. Which signal weighs how much is configuration.
 */
@Component
class RiskAssessor {

	record Assessment(RiskLevel level, List<RiskSignal> reasons) {
	}

	private final ReviewProperties properties;
	private final LoginHistory logins;
	private final SettlementAccounts accounts;
	private final ChangeRequestRepository requests;
	private final Clock clock;

	RiskAssessor(ReviewProperties properties, LoginHistory logins, SettlementAccounts accounts,
			ChangeRequestRepository requests, Clock clock) {
		this.properties = properties;
		this.logins = logins;
		this.accounts = accounts;
		this.requests = requests;
		this.clock = clock;
	}

	Assessment assess(ChangeRequest request) {
		List<RiskSignal> signals = signals(request);
		RiskLevel level = RiskLevel.LOW;
		for (RiskSignal signal : signals) {
			level = level.max(properties.levelOf(signal));
		}
		return new Assessment(level, signals);
	}

	private List<RiskSignal> signals(ChangeRequest request) {
		List<RiskSignal> signals = new ArrayList<>();
		NewAccount account = request.account();
		if (!account.holderIsLegalRepresentative()) {
			signals.add(RiskSignal.HOLDER_NOT_LEGAL_REPRESENTATIVE);
		}
		switch (request.verificationStatus()) {
			case MISMATCH -> signals.add(RiskSignal.VERIFICATION_MISMATCH);
			case CARD_CLOSED -> signals.add(RiskSignal.CARD_CLOSED);
			case PENDING -> signals.add(RiskSignal.VERIFICATION_PENDING);
			default -> {
			}
		}
		if (!account.binKnown()) {
			signals.add(RiskSignal.UNKNOWN_BANK);
		}
		if (request.submittedIp() != null && logins.isUnfamiliarAddress(request.submittedBy(), request.submittedIp())) {
			signals.add(RiskSignal.UNFAMILIAR_ADDRESS);
		}
		if (logins.passwordChangedSince(request.submittedBy(), request.submittedAt().minus(properties.passwordChangeWindow()))) {
			signals.add(RiskSignal.RECENT_PASSWORD_CHANGE);
		}
		if (requests.changedSince(request.merchantId(), clock.instant().minus(properties.repeatChangeWindow()))) {
			signals.add(RiskSignal.REPEATED_CHANGE);
		}
		if (accounts.activeForAnotherMerchant(account.fingerprint(), request.merchantId())) {
			signals.add(RiskSignal.CARD_ACTIVE_FOR_ANOTHER_MERCHANT);
		}
		return signals;
	}

}
