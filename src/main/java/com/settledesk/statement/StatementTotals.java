package com.settledesk.statement;

import com.settledesk.shared.Money;

/** A statement's totals: takings (captured), refunds and reversals, fees net of refunds, payouts, money back. */
public record StatementTotals(long lines, Money takings, Money refunds, Money fees, Money payouts, Money moneyBack) {

	public static final StatementTotals NONE = new StatementTotals(0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
			Money.ZERO);

	public StatementTotals with(StatementLine line) {
		Money takings = this.takings;
		Money refunds = this.refunds;
		Money payouts = this.payouts;
		Money moneyBack = this.moneyBack;
		switch (line.kind()) {
			case CAPTURE -> takings = takings.plus(line.amount());
			case REFUND, REVERSAL -> refunds = refunds.plus(line.amount().negate());
			case PAYOUT -> payouts = payouts.plus(line.effect().negate());
			case PAYOUT_FAILED, PAYOUT_RETURNED -> moneyBack = moneyBack.plus(line.effect());
			default -> {
			}
		}
		return new StatementTotals(lines + 1, takings, refunds, fees.plus(line.fee()), payouts, moneyBack);
	}
}
