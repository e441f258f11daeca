package com.settledesk.payout.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.payout.PayoutSettled;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;

/**
 * Tells the merchant when a payout's money came back — failed, or returned after it was paid — and when repeated
 * failures to the card held its payouts: a listener of {@link PayoutSettled}, run after the payout's change
 * committed (the event publication registry keeps the event until it has run), not a call inside that change. It
 * lives beside the payouts because the notification module sits below them (sign-in codes use it).
 */
@Component
class PayoutNotices {

	private final Notifications notifications;
	private final Merchants merchants;

	PayoutNotices(Notifications notifications, Merchants merchants) {
		this.notifications = notifications;
		this.merchants = merchants;
	}

	@ApplicationModuleListener
	void on(PayoutSettled settled) {
		PayoutView payout = settled.payout();
		if (payout.status() != PayoutStatus.FAILED && payout.status() != PayoutStatus.RETURNED) {
			return;
		}
		merchants.find(payout.merchantId()).ifPresent(merchant -> notifications.notifyMerchant(
				new Recipient(merchant.id(), merchant.contactPhone(), merchant.language()), NoticeKind.PAYOUT,
				"notice.payout." + (settled.merchantHeld() ? "held" : payout.status().name().toLowerCase()),
				new Object[] { payout.amount().toYuanString(), payout.destinationMasked(),
						String.valueOf(payout.failureReason()) }));
	}
}
