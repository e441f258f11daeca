package com.settledesk.portal.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.settledesk.identity.CurrentUser;
import com.settledesk.notification.Notifications;

/** Every portal page shows how many in-app messages are unread. */
@ControllerAdvice(basePackageClasses = UnreadMessagesAdvice.class)
class UnreadMessagesAdvice {

	private final Notifications notifications;

	UnreadMessagesAdvice(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute
	void unread(Model model) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user && user.merchantId() != null
				&& !model.containsAttribute("unreadMessages")) {
			model.addAttribute("unreadMessages", notifications.unread(user.merchantId()));
		}
	}
}
