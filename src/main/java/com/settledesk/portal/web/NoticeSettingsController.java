package com.settledesk.portal.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.identity.CurrentUser;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.NoticePreferences;
import com.settledesk.notification.Notifications;
import com.settledesk.shared.ValidationFailedException;

/** 通知设置: the owner chooses, per kind of notice, SMS and/or e-mail, and the address for e-mail. */
@Controller
class NoticeSettingsController {

	private final Notifications notifications;
	private final MessageSource messages;

	NoticeSettingsController(Notifications notifications, MessageSource messages) {
		this.notifications = notifications;
		this.messages = messages;
	}

	@GetMapping("/settings/notices")
	String page(CurrentUser user, Model model) {
		return page(model, notifications.preferences(user.requireMerchant()), null);
	}

	@PostMapping("/settings/notices")
	String save(CurrentUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(required = false) List<NoticeKind> sms, @RequestParam(required = false) List<NoticeKind> mail,
			Model model, RedirectAttributes redirect) {
		NoticePreferences wanted = new NoticePreferences(email, kinds(sms), kinds(mail));
		try {
			notifications.updatePreferences(user.requireMerchant(), wanted, user.username());
		}
		catch (ValidationFailedException e) {
			var violation = e.violations().get(0);
			return page(model, wanted, messages.getMessage("field." + violation.code(), violation.args(),
					LocaleContextHolder.getLocale()));
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/settings/notices";
	}

	private String page(Model model, NoticePreferences preferences, String emailError) {
		model.addAttribute("preferences", preferences);
		model.addAttribute("kinds", NoticeKind.values());
		model.addAttribute("emailError", emailError);
		return "portal/notice-settings";
	}

	private static Set<NoticeKind> kinds(List<NoticeKind> chosen) {
		return chosen == null || chosen.isEmpty() ? EnumSet.noneOf(NoticeKind.class) : EnumSet.copyOf(chosen);
	}
}
