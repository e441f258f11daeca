package com.settledesk.settlementaccount;

/** Kind of a bank card by its BIN. Only debit cards can receive settlement funds. */
public enum CardType {
	/** 借记卡 */
	DEBIT,
	/** 贷记卡 */
	CREDIT,
	/** 准贷记卡 */
	SEMI_CREDIT,
	/** 预付卡 */
	PREPAID
}
