package com.settledesk.verification;

import com.settledesk.shared.Masking;

/** 四要素: the holder's name, resident ID number, card number and the phone registered with the bank. */
public record FourElements(String name, String idNumber, String cardNumber, String reservedPhone) {

	@Override
	public String toString() {
		return "FourElements[card=" + Masking.maskAccountNumber(cardNumber) + "]";
	}
}
