package com.settledesk.posapplication;

/** Couriers terminals are shipped with (快递公司). */
public enum Carrier {
	/** 顺丰速运 */
	SF,
	/** 中国邮政 EMS */
	EMS,
	/** 京东物流 */
	JD,
	/** 中通快递 */
	ZTO,
	/** 圆通速递 */
	YTO
}
