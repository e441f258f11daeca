package com.settledesk.terminalhost.internal;

/** Field 39 of the profile. */
enum ResponseCode {
	APPROVED("00"),
	INVALID_MERCHANT("03"),
	INVALID_TRANSACTION("12"),
	INVALID_AMOUNT("13"),
	INVALID_CARD_NUMBER("14"),
	ORIGINAL_NOT_FOUND("25"),
	FORMAT_ERROR("30"),
	NOT_PERMITTED("58"),
	OVER_LIMIT("61"),
	SIGN_ON_FIRST("77"),
	DUPLICATE("94"),
	TOTALS_DIFFER("95"),
	SYSTEM_MALFUNCTION("96"),
	MAC_ERROR("A0");

	final String code;

	ResponseCode(String code) {
		this.code = code;
	}
}
