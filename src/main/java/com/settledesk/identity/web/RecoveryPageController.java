package com.settledesk.identity.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.internal.AccountRecovery;
import com.settledesk.identity.internal.LoginOutcome;
import com.settledesk.identity.internal.SessionFreshness;
import com.settledesk.shared.ValidationFailedException;

/**
 * Back into a merchant account on the web without calling anyone: sign in with a code sent by SMS to the registered
 * phone, or set a new password with one. The pages never say whether a phone is registered.
 */
@Controller
class RecoveryPageController {

	private final AccountRecovery recovery;
	private final Clock clock;
	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	RecoveryPageController(AccountRecovery recovery, Clock clock) {
		this.recovery = recovery;
		this.clock = clock;
	}

	@GetMapping("/login/sms")
	String smsLogin() {
		return "login-sms";
	}

	@GetMapping("/login/reset")
	String reset() {
		return "login-reset";
	}

	/** Sends a code and comes back to the page it was asked from, the phone filled in. */
	@PostMapping("/login/sms/code")
	String sendCode(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "sms") String next,
			HttpServletRequest request, Locale locale, RedirectAttributes redirect) {
		String trimmed = phone.strip();
		recovery.sendCode(trimmed.length() > 20 ? "" : trimmed, request.getRemoteAddr(), locale);
		redirect.addFlashAttribute("phone", trimmed.length() > 20 ? "" : trimmed);
		redirect.addFlashAttribute("codeSent", true);
		return "reset".equals(next) ? "redirect:/login/reset" : "redirect:/login/sms";
	}

	@PostMapping("/login/sms")
	String signIn(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		LoginOutcome outcome = recovery.signIn(phone.strip(), code.strip(), request.getRemoteAddr());
		if (outcome.result() != LoginOutcome.Result.SUCCEEDED) {
			redirect.addFlashAttribute("phone", phone.length() > 20 ? "" : phone.strip());
			redirect.addFlashAttribute(outcome.result() == LoginOutcome.Result.FAILED ? "codeError" : "locked", true);
			return "redirect:/login/sms";
		}
		CurrentUser user = outcome.user();
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority(user.role().authority()))));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
		SessionFreshness.signedIn(request.getSession(), clock.instant());
		return "redirect:/";
	}

	@PostMapping("/login/reset")
	String resetPassword(@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String code,
			@RequestParam(defaultValue = "") String newPassword, HttpServletRequest request, Locale locale,
			Model model) {
		try {
			if (recovery.resetPassword(phone.strip(), code.strip(), newPassword, request.getRemoteAddr(), locale)) {
				return "redirect:/login?reset";
			}
			model.addAttribute("codeError", true);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("weakPassword", true);
		}
		model.addAttribute("phone", phone.length() > 20 ? "" : phone.strip());
		return "login-reset";
	}
}
