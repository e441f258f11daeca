package com.settledesk.notification;

/** Kinds of notice a merchant receives; each can go by SMS, e-mail or both (and always in-app). */
public enum NoticeKind {

	/** One-time codes, a change requested, a change in effect: always by SMS to the registered phone. */
	SECURITY,
	/** The other steps of a settlement card change (needs information, approved, rejected, cancelled). */
	CARD_CHANGE,
	/** A payout that failed, came back, or payouts held. */
	PAYOUT,
	/** A statement prepared in the background is ready to download. */
	STATEMENT,
	/** Terminal applications, shipping, relocation and returns (机具). */
	TERMINAL,
	/** Customer service answered or resolved a ticket (客服): always by SMS, with the number, never the text. */
	SERVICE;

	public boolean alwaysBySms() {
		return this == SECURITY || this == SERVICE;
	}
}
