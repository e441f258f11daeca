package com.settledesk.servicedesk.internal;

import org.springframework.stereotype.Component;

import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.servicedesk.TicketView;

/**
 * Tells the merchant by SMS and in-app that customer service answered or resolved a ticket: the number and where
 * to read it, never the text (an answer may hold what does not belong in an SMS). Argument {0}: the number.
 */
@Component
class TicketNotices {

	private final Notifications notifications;
	private final Merchants merchants;

	TicketNotices(Notifications notifications, Merchants merchants) {
		this.notifications = notifications;
		this.merchants = merchants;
	}

	void answered(TicketView ticket) {
		tell(ticket, "notice.ticket.answered");
	}

	void resolved(TicketView ticket) {
		tell(ticket, "notice.ticket.resolved");
	}

	private void tell(TicketView ticket, String notice) {
		merchants.find(ticket.merchantId()).ifPresent(m -> notifications.notifyMerchant(
				new Recipient(m.id(), m.contactPhone(), m.language()), NoticeKind.SERVICE, notice,
				new Object[] { ticket.number() }));
	}
}
