package com.settledesk.portal.web;

import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.NoticePreferences;
import com.settledesk.notification.Notifications;

/** GET/PUT /api/v1/merchant/notice-preferences: which notices the merchant wants by SMS and by e-mail. */
@RestController
class NoticePreferencesController {

	private final Notifications notifications;

	NoticePreferencesController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/v1/merchant/notice-preferences")
	PreferencesBody get(CurrentUser user) {
		return PreferencesBody.of(notifications.preferences(user.requireMerchant()));
	}

	@PutMapping("/api/v1/merchant/notice-preferences")
	PreferencesBody put(CurrentUser user, @RequestBody PreferencesBody body) {
		return PreferencesBody.of(notifications.updatePreferences(user.requireMerchant(),
				new NoticePreferences(body.email(), body.bySms(), body.byEmail()), user.username()));
	}

	/** SECURITY is always in bySms: codes and card changes reach the registered phone whatever is chosen. */
	record PreferencesBody(String email, Set<NoticeKind> bySms, Set<NoticeKind> byEmail) {

		static PreferencesBody of(NoticePreferences p) {
			return new PreferencesBody(p.email(), p.bySms(), p.byEmail());
		}
	}
}
