package com.settledesk.notification;

import java.util.Locale;

import com.settledesk.shared.MerchantId;
import com.settledesk.shared.Masking;

/** Who a merchant notice is for: the merchant (its inbox and choices), its registered phone and its language. */
public record Recipient(MerchantId merchantId, String phone, Locale language) {

	@Override
	public String toString() {
		return "Recipient[merchant=" + merchantId + ", phone=" + Masking.maskPhone(phone) + "]";
	}
}
