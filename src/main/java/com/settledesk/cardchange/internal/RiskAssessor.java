package com.settledesk.cardchange.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.LoginHistory;
import com.settledesk.payout.Payouts;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;

/**
 * Gathers the facts about a request that bear on risk (domain.md, "Risk signals") and derives the level:
 * the highest level any present signal raises it to, LOW when there is none. How much each signal weighs
 * is configuration ({@code settledesk.review.signal-levels}).
 */
@Component
class RiskAssessor {

	record Assessment(RiskLevel level, List<RiskSignal> reasons) {
	}

	/** What is known about a request, each fact one signal. */
	record Facts(boolean holderIsLegalRepresentative, VerificationStatus verification, boolean bankKnown,
			boolean unfamiliarAddress, boolean recentPasswordChange, boolean repeatedChange,
			boolean cardActiveForAnotherMerchant, boolean largePendingPayout) {
	}

	private final ReviewProperties properties;
	private final LoginHistory logins;
	private final SettlementAccounts accounts;
	private final ChangeRequestRepository requests;
	private final Payouts payouts;
	private final Transactions transactions;
	private final Clock clock;

	RiskAssessor(ReviewProperties properties, LoginHistory logins, SettlementAccounts accounts,
			ChangeRequestRepository requests, Payouts payouts, Transactions transactions, Clock clock) {
		this.payouts = payouts;
		this.transactions = transactions;
		this.properties = properties;
		this.logins = logins;
		this.accounts = accounts;
		this.requests = requests;
		this.clock = clock;
	}

	Assessment assess(ChangeRequest request) {
		return assess(facts(request), properties);
	}

	static Assessment assess(Facts facts, ReviewProperties properties) {
		List<RiskSignal> signals = new ArrayList<>();
		if (!facts.holderIsLegalRepresentative()) {
			signals.add(RiskSignal.HOLDER_NOT_LEGAL_REPRESENTATIVE);
		}
		switch (facts.verification()) {
			case MISMATCH -> signals.add(RiskSignal.VERIFICATION_MISMATCH);
			case CARD_CLOSED -> signals.add(RiskSignal.CARD_CLOSED);
			case PENDING -> signals.add(RiskSignal.VERIFICATION_PENDING);
			default -> {
			}
		}
		if (!facts.bankKnown()) {
			signals.add(RiskSignal.UNKNOWN_BANK);
		}
		if (facts.unfamiliarAddress()) {
			signals.add(RiskSignal.UNFAMILIAR_ADDRESS);
		}
		if (facts.recentPasswordChange()) {
			signals.add(RiskSignal.RECENT_PASSWORD_CHANGE);
		}
		if (facts.repeatedChange()) {
			signals.add(RiskSignal.REPEATED_CHANGE);
		}
		if (facts.cardActiveForAnotherMerchant()) {
			signals.add(RiskSignal.CARD_ACTIVE_FOR_ANOTHER_MERCHANT);
		}
		if (facts.largePendingPayout()) {
			signals.add(RiskSignal.LARGE_PENDING_PAYOUT);
		}
		RiskLevel level = RiskLevel.LOW;
		for (RiskSignal signal : signals) {
			level = level.max(properties.levelOf(signal));
		}
		return new Assessment(level, signals);
	}

	private Facts facts(ChangeRequest request) {
		NewAccount account = request.account();
		return new Facts(account.holderIsLegalRepresentative(), request.verificationStatus(), account.binKnown(),
				request.submittedIp() != null && logins.isUnfamiliarAddress(request.submittedBy(), request.submittedIp()),
				logins.passwordChangedSince(request.submittedBy(),
						request.submittedAt().minus(properties.passwordChangeWindow())),
				requests.changedSince(request.merchantId(), clock.instant().minus(properties.repeatChangeWindow())),
				accounts.activeForAnotherMerchant(account.fingerprint(), request.merchantId()),
				largePendingPayout(request));
	}

	/**
	 * What the new card would receive first — the balance and payouts not yet paid — against the merchant's
	 * average daily takings over the last 30 days: above the configured multiple (and minimum) it is a signal.
	 */
	private boolean largePendingPayout(ChangeRequest request) {
		var merchantId = request.merchantId();
		Money atStake = payouts.balance(merchantId).available().plus(payouts.pending(merchantId));
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		Money takings = transactions.takingsByDay(merchantId, today.minusDays(30), today).values().stream()
			.reduce(Money.ZERO, Money::plus);
		long dailyAverage = takings.fen() / 30;
		return atStake.fen() >= properties.largePayoutMinimumFen()
				&& atStake.fen() > dailyAverage * properties.largePayoutFactor();
	}
}
