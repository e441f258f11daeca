package com.settledesk.identity;

/** What a one-time code confirms; a code for one purpose never confirms another. */
public enum OtpPurpose {
	SETTLEMENT_CARD_CHANGE,
	/** 机具挂失 */
	TERMINAL_REPORT_LOST,
	/** 短信验证码登录 / 重设密码: a merchant user back into a locked or forgotten account. */
	ACCOUNT_RECOVERY
}
