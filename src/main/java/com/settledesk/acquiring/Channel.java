package com.settledesk.acquiring;

public enum Channel {
	CARD_SWIPE, CARD_CHIP, CARD_CONTACTLESS, QR_WECHAT, QR_ALIPAY, QR_UNIONPAY;

	public boolean isQr() {
		return name().startsWith("QR_");
	}
}
