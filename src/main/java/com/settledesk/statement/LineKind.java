package com.settledesk.statement;

/** What moved the balance on a statement line; named after the ledger entry that moved it. */
public enum LineKind {
	/** 交易 */
	CAPTURE,
	/** 退款 */
	REFUND,
	/** 冲正 */
	REVERSAL,
	/** 出款 */
	PAYOUT,
	/** 出款失败退回 */
	PAYOUT_FAILED,
	/** 出款退票 */
	PAYOUT_RETURNED,
	/** 结算卡变更费 */
	CARD_CHANGE_FEE,
	/** 机具押金 */
	TERMINAL_DEPOSIT,
	/** 机具押金退还 */
	TERMINAL_DEPOSIT_REFUND,
	/** 机具租金 */
	TERMINAL_RENT,
	OTHER;

	public static LineKind ofEntry(String entryKind) {
		for (LineKind kind : values()) {
			if (kind.name().equals(entryKind)) {
				return kind;
			}
		}
		return OTHER;
	}

	/** Whether the line charges a fee a receipt can be issued for. */
	public boolean chargesFee() {
		return this == CAPTURE || this == PAYOUT || this == CARD_CHANGE_FEE || this == TERMINAL_DEPOSIT
				|| this == TERMINAL_RENT;
	}
}
