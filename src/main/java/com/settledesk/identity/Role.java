package com.settledesk.identity;

/** What a user is allowed to do. A merchant role always comes with a merchant; an operator role never does. */
public enum Role {

	/** 商户负责人: everything about the own merchant, including the settlement card. */
	MERCHANT_OWNER,
	/** 收银员: sees transactions; never touches the settlement card. */
	MERCHANT_CASHIER,
	/** 审核员 */
	REVIEWER,
	/** 复核员: second approval of high-risk changes; also a reviewer. */
	SENIOR_REVIEWER,
	/** 客服 */
	AGENT,
	/** 财务: payouts, reconciliation with the bank, fee disputes. */
	FINANCE,
	/** 机具运营: stock, shipping, returns and unlocking terminals. */
	TERMINAL_OPERATOR,
	ADMIN,
	/** The acquiring gateway that posts transactions. */
	GATEWAY;

	public boolean isMerchantRole() {
		return this == MERCHANT_OWNER || this == MERCHANT_CASHIER;
	}

	public boolean isOperatorRole() {
		return this == REVIEWER || this == SENIOR_REVIEWER || this == AGENT || this == FINANCE || this == TERMINAL_OPERATOR
				|| this == ADMIN;
	}

	public String authority() {
		return "ROLE_" + name();
	}
}
