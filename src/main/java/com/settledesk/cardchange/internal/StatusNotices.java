package com.settledesk.cardchange.internal;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestStatusChanged;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.shared.ClockConfiguration;

/** Tells the merchant, by SMS and in the portal's inbox, at each step that concerns them (zh/en by merchant). */
@Component
class StatusNotices {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ClockConfiguration.DISPLAY_ZONE);
	private static final Map<ChangeRequestStatus, String> TOLD = Map.of(ChangeRequestStatus.NEEDS_INFO, "needsInfo",
			ChangeRequestStatus.SCHEDULED, "scheduled", ChangeRequestStatus.EFFECTIVE, "effective",
			ChangeRequestStatus.REJECTED, "rejected", ChangeRequestStatus.CANCELLED, "cancelled");

	private final ChangeRequestRepository requests;
	private final Merchants merchants;
	private final Notifications notifications;

	StatusNotices(ChangeRequestRepository requests, Merchants merchants, Notifications notifications) {
		this.requests = requests;
		this.merchants = merchants;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ChangeRequestStatusChanged event) {
		String key = TOLD.get(event.status());
		if (key == null) {
			return;
		}
		var request = requests.find(new ChangeRequestId(event.requestId())).orElseThrow();
		var merchant = merchants.find(request.merchantId()).orElseThrow();
		Object[] args = { request.account().masked(), event.note() == null ? "" : event.note(),
				request.effectiveAt() == null ? "" : TIME.format(request.effectiveAt()),
				request.previousAccountMasked() == null ? "-" : request.previousAccountMasked() };
		// A card in effect is a security notice: it always goes by SMS to the registered phone.
		notifications.notifyMerchant(new Recipient(merchant.id(), merchant.contactPhone(), merchant.language()),
				event.status() == ChangeRequestStatus.EFFECTIVE ? NoticeKind.SECURITY : NoticeKind.CARD_CHANGE,
				"notice.cardchange." + key, args);
	}
}
