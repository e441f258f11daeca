package com.settledesk.acquiring;

import com.settledesk.shared.Money;

/**
 * A fee plan (费率): percentages in basis points (50 = 0.50%) per channel and card kind, a cap for debit
 * cards, and the D0 surcharge per payout (a percentage and/or a fixed amount). Every fee is rounded half-up
 * to the fen, per transaction.
 */
public record FeePlan(String code, long debitBasisPoints, long debitCapFen, long creditBasisPoints, long qrBasisPoints,
		long d0SurchargeBasisPoints, long d0SurchargeFixedFen) {

	public Money feeFor(Channel channel, CardKind cardKind, Money amount) {
		if (channel.isQr()) {
			return amount.timesBasisPoints(qrBasisPoints);
		}
		if (cardKind == CardKind.DEBIT) {
			Money fee = amount.timesBasisPoints(debitBasisPoints);
			return debitCapFen > 0 ? fee.min(Money.ofFen(debitCapFen)) : fee;
		}
		return amount.timesBasisPoints(creditBasisPoints);
	}

	/** The D0 surcharge of one payout of the given gross amount; never more than the amount itself. */
	public Money d0Surcharge(Money gross) {
		return gross.timesBasisPoints(d0SurchargeBasisPoints).plus(Money.ofFen(d0SurchargeFixedFen)).min(gross);
	}
}
