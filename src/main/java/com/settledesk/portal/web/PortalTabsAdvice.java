package com.settledesk.portal.web;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which tab of the phone's tab bar (首页 · 交易 · 结算 · 我的) a portal page belongs to, for every page controller —
 * the tickets and webhook pages live in their own modules but sit under the same tabs.
 */
@ControllerAdvice(annotations = Controller.class)
class PortalTabsAdvice {

	@ModelAttribute("tab")
	String tab(HttpServletRequest request) {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		boolean cashier = authentication != null && authentication.getPrincipal() instanceof CurrentUser user
				&& user.role() == Role.MERCHANT_CASHIER;
		return tabOf(request.getRequestURI().substring(request.getContextPath().length()), cashier);
	}

	static String tabOf(String path, boolean cashier) {
		if (path.equals("/") || path.isEmpty()) {
			return "home";
		}
		if (path.startsWith("/transactions")) {
			return "transactions";
		}
		if (path.startsWith("/payouts") || path.startsWith("/statements") || path.startsWith("/settlement-card")) {
			return "settlement";
		}
		if (cashier && (path.startsWith("/tickets") || path.startsWith("/help"))) {
			return "service";
		}
		return "me";
	}
}
