package com.settledesk.attachment;

public enum AttachmentKind {
	/** 身份证人像面 */
	ID_FRONT,
	/** 身份证国徽面 */
	ID_BACK,
	/** 银行卡正面 */
	CARD_FRONT,
	/** 授权书 (非法人结算) */
	AUTHORIZATION,
	/** 开户许可证 / 开户证明 */
	ACCOUNT_PROOF,
	/** A screenshot or document for a customer-service ticket (工单附件) */
	TICKET
}
