package com.settledesk.cardchange.internal;

import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestStatus;
import com.settledesk.cardchange.ChangeRequestStatusChanged;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
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
	private final MessageSource messages;

	StatusNotices(ChangeRequestRepository requests, Merchants merchants, Notifications notifications,
			MessageSource messages) {
		this.requests = requests;
		this.merchants = merchants;
		this.notifications = notifications;
		this.messages = messages;
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
		String title = messages.getMessage("notice.cardchange." + key + ".title", args, merchant.language());
		String body = messages.getMessage("notice.cardchange." + key + ".body", args, merchant.language());
		notifications.inApp(merchant.id(), title, body);
		notifications.sendTemplate(merchant.contactPhone(), Channel.SMS, "notice.cardchange." + key + ".body", args,
				merchant.language());
	}
}
