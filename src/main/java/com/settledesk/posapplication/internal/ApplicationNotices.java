package com.settledesk.posapplication.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.terminal.Terminals;

/**
 * Tells the merchant (in-app, and by SMS unless it chose otherwise) when operators decide on its application,
 * ship it and when it arrives. Arguments: {0} number, {1} model, {2} quantity, {3} reason or question,
 * {4} carrier, {5} tracking number, {6} amount charged.
 */
@Component
class ApplicationNotices {

	private final Notifications notifications;
	private final Merchants merchants;
	private final Terminals terminals;

	ApplicationNotices(Notifications notifications, Merchants merchants, Terminals terminals) {
		this.notifications = notifications;
		this.merchants = merchants;
		this.terminals = terminals;
	}

	void statusChanged(TerminalApplicationView application) {
		String notice = switch (application.status()) {
			case APPROVED -> "notice.posapp.approved";
			case REJECTED -> "notice.posapp.rejected";
			case NEEDS_INFO -> "notice.posapp.needsInfo";
			case SHIPPED -> "notice.posapp.shipped";
			case DELIVERED -> "notice.posapp.delivered";
			case SUBMITTED, CANCELLED -> null;
		};
		if (notice == null) {
			return;
		}
		merchants.find(application.merchantId()).ifPresent(merchant -> {
			Locale language = merchant.language();
			String model = terminals.model(application.modelCode()).map(m -> m.name(language)).orElse(application.modelCode());
			String note = application.status() == com.settledesk.posapplication.ApplicationStatus.REJECTED
					? application.rejectReason() : application.infoRequest();
			notifications.notifyMerchant(new Recipient(merchant.id(), merchant.contactPhone(), language), NoticeKind.TERMINAL,
					notice, new Object[] { application.number(), model, application.quantity(), note == null ? "" : note,
							application.carrier() == null ? "" : application.carrier().name(),
							application.trackingNo() == null ? "" : application.trackingNo(),
							ApplicationRisk.yuan(application.totalCharge()) });
		});
	}
}
