package com.settledesk.cardchange.internal;

import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.cardchange.ChangeRequestSubmitted;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.Channel;
import com.settledesk.notification.Notifications;
import com.settledesk.secrets.SensitiveDataProtector;
import com.settledesk.shared.ClockConfiguration;

/**
 * The registered phone is always told that a change was requested: old and new card masked, when, from
 * which IP, and the link that stops it. Sent after commit; the event registry retries it if sending fails.
 */
@Component
class SubmissionNotice {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ClockConfiguration.DISPLAY_ZONE);

	private final ChangeRequestRepository requests;
	private final Merchants merchants;
	private final Notifications notifications;
	private final SensitiveDataProtector protector;
	private final String publicUrl;

	SubmissionNotice(ChangeRequestRepository requests, Merchants merchants, Notifications notifications,
			SensitiveDataProtector protector, @Value("${settledesk.public-url}") String publicUrl) {
		this.requests = requests;
		this.merchants = merchants;
		this.notifications = notifications;
		this.protector = protector;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
	}

	@ApplicationModuleListener
	void on(ChangeRequestSubmitted event) {
		ChangeRequestId id = new ChangeRequestId(event.requestId());
		var request = requests.find(id).orElseThrow();
		var merchant = merchants.find(request.merchantId()).orElseThrow();
		String previous = request.previousAccountMasked() == null ? "-" : request.previousAccountMasked();
		notifications.sendTemplate(merchant.contactPhone(), Channel.SMS, "sms.cardchange.submitted",
				new Object[] { merchant.name(), TIME.format(request.updatedAt()),
						request.submittedIp() == null ? "-" : request.submittedIp(), previous, request.account().masked(),
						publicUrl + "stop/" + StopCodes.codeFor(protector, id) },
				merchant.language());
	}
}
