package com.settledesk.cardchange;

/** A reason a change is risky (domain.md, "Risk signals"); shown to the reviewer in words. */
public enum RiskSignal {
	/** 非法人结算 */
	HOLDER_NOT_LEGAL_REPRESENTATIVE,
	VERIFICATION_MISMATCH,
	CARD_CLOSED,
	VERIFICATION_PENDING,
	UNKNOWN_BANK,
	UNFAMILIAR_ADDRESS,
	RECENT_PASSWORD_CHANGE,
	REPEATED_CHANGE,
	CARD_ACTIVE_FOR_ANOTHER_MERCHANT,
	/** Money waiting to be paid out is large against the merchant's usual takings. */
	LARGE_PENDING_PAYOUT
}
