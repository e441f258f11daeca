package com.settledesk.terminal.internal;

import java.security.SecureRandom;

import org.springframework.stereotype.Component;

import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
import com.settledesk.secrets.EncryptedValue;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.MerchantId;

/**
 * One-time activation codes (激活码): 8 digits from a secure random source, kept encrypted so the owner can see
 * it in the portal, sent by SMS to the merchant's registered phone (never in an in-app notice a cashier could read).
 */
@Component
class ActivationCodes {

	private final SecureRandom random = new SecureRandom();
	private final SensitiveDataProtector protector;
	private final Notifications notifications;
	private final Merchants merchants;

	ActivationCodes(SensitiveDataProtector protector, Notifications notifications, Merchants merchants) {
		this.protector = protector;
		this.notifications = notifications;
		this.merchants = merchants;
	}

	EncryptedValue issue(MerchantId merchantId, String serialNo) {
		String code = String.format("%08d", random.nextInt(100_000_000));
		merchants.find(merchantId).ifPresent(merchant -> send(merchant, serialNo, code));
		return protector.encrypt(code);
	}

	boolean matches(EncryptedValue stored, String offered) {
		if (stored == null || offered == null || !offered.matches("[0-9]{8}")) {
			return false;
		}
		return java.security.MessageDigest.isEqual(protector.decrypt(stored).getBytes(), offered.getBytes());
	}

	String reveal(EncryptedValue stored) {
		return protector.decrypt(stored);
	}

	private void send(MerchantProfile merchant, String serialNo, String code) {
		notifications.sendTemplate(merchant.contactPhone(), Channel.SMS, "sms.terminal.activationCode",
				new Object[] { serialNo, code }, merchant.language());
	}
}
