package com.settledesk.statement;

import com.settledesk.shared.Money;

/**
 * A statement's totals: takings (captured), refunds and reversals, fees net of refunds (payout fees included),
 * payouts as they reached the card, money back from the card. Opening + takings − refunds − fees − payouts +
 * money back = closing.
 */
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
			// what reached the card and what came back from it; a payout's fee is counted with the fees
			case PAYOUT -> payouts = payouts.plus(line.effect().negate().minus(line.fee()));
			case PAYOUT_FAILED, PAYOUT_RETURNED -> moneyBack = moneyBack.plus(line.effect().plus(line.fee()));
			default -> {
			}
		}
		return new StatementTotals(lines + 1, takings, refunds, fees.plus(line.fee()), payouts, moneyBack);
	}
}
