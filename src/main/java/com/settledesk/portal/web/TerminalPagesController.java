package com.settledesk.portal.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.posapplication.ApplicationDraft;
import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.posapplication.TerminalApplications;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalReturns;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/**
 * 机具: the owner's terminals and applications — apply, follow the parcel, see the activation code, report a
 * terminal lost, move it or send it back. Every rule is the API's own; errors land on the field they concern.
 */
@Controller
class TerminalPagesController {

	/** The steps a merchant follows on an application's timeline. */
	private static final List<ApplicationStatus> TIMELINE = List.of(ApplicationStatus.SUBMITTED,
			ApplicationStatus.APPROVED, ApplicationStatus.SHIPPED, ApplicationStatus.DELIVERED);

	private final Terminals terminals;
	private final TerminalSecurity security;
	private final TerminalReturns returns;
	private final TerminalApplications applications;
	private final Transactions transactions;
	private final Merchants merchants;
	private final MessageSource messages;

	TerminalPagesController(Terminals terminals, TerminalSecurity security, TerminalReturns returns,
			TerminalApplications applications, Transactions transactions, Merchants merchants, MessageSource messages) {
		this.terminals = terminals;
		this.security = security;
		this.returns = returns;
		this.applications = applications;
		this.transactions = transactions;
		this.merchants = merchants;
		this.messages = messages;
	}

	@GetMapping("/terminals")
	String list(CurrentUser user, Model model) {
		var merchantId = user.requireMerchant();
		List<TerminalView> bound = terminals.ofMerchant(merchantId);
		model.addAttribute("terminals", bound);
		model.addAttribute("lastSale", transactions.lastSaleByTerminal(merchantId,
				bound.stream().map(TerminalView::serialNo).toList()));
		model.addAttribute("returned", returns.returnedBy(merchantId));
		model.addAttribute("applications", applications.ofMerchant(merchantId));
		model.addAttribute("models", terminals.modelNames(LocaleContextHolder.getLocale()));
		return "portal/terminals";
	}

	@GetMapping("/terminals/apply")
	String applyForm(CurrentUser user, Model model) {
		MerchantProfile merchant = merchant(user);
		ApplicationForm form = new ApplicationForm(null, 1, null, merchant.legalName(), merchant.contactPhone(), null, null,
				UUID.randomUUID().toString());
		return applyPage(model, merchant, form, Map.of(), null);
	}

	@PostMapping("/terminals/apply")
	String apply(CurrentUser user, ApplicationForm form, Model model) {
		MerchantProfile merchant = merchant(user);
		try {
			var submission = applications.apply(user, form.draft(), form.idempotencyKey());
			return "redirect:/terminals/applications/" + submission.application().id() + "?submitted";
		}
		catch (ValidationFailedException e) {
			return applyPage(model, merchant, form, fieldErrors(e), null);
		}
		catch (StateConflictException e) {
			return applyPage(model, merchant, form, Map.of(), problem(e.code()));
		}
	}

	@GetMapping("/terminals/applications/{id}")
	String application(CurrentUser user, @PathVariable String id, Model model) {
		TerminalApplicationView application = ownApplication(user, id);
		model.addAttribute("posApplication", application);
		model.addAttribute("timeline", TIMELINE);
		Map<ApplicationStatus, java.time.Instant> reached = new java.util.EnumMap<>(ApplicationStatus.class);
		application.history().forEach(h -> reached.put(h.status(), h.at()));
		model.addAttribute("reached", reached);
		model.addAttribute("models", terminals.modelNames(LocaleContextHolder.getLocale()));
		if (application.status() == ApplicationStatus.NEEDS_INFO && !model.containsAttribute("form")) {
			model.addAttribute("form", new ApplicationForm(application.modelCode(), application.quantity(),
					application.deliveryAddress(), application.contactName(), application.contactPhone(),
					application.installationAddress(), application.installationReason(), null));
			model.addAttribute("errors", Map.of());
		}
		return "portal/terminal-application";
	}

	@PostMapping("/terminals/applications/{id}/resubmit")
	String resubmit(CurrentUser user, @PathVariable String id, ApplicationForm form, Model model) {
		TerminalApplicationView application = ownApplication(user, id);
		try {
			applications.resubmit(user, application.id(), form.draft());
			return "redirect:/terminals/applications/" + application.id();
		}
		catch (ValidationFailedException e) {
			model.addAttribute("form", form);
			model.addAttribute("errors", fieldErrors(e));
			return application(user, id, model);
		}
	}

	@PostMapping("/terminals/applications/{id}/cancel")
	String cancel(CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
		TerminalApplicationView application = ownApplication(user, id);
		try {
			applications.cancel(user, application.id());
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", problem(e.code()));
		}
		return "redirect:/terminals/applications/" + application.id();
	}

	@GetMapping("/terminals/{serialNo}")
	String terminal(CurrentUser user, @PathVariable String serialNo, Model model) {
		var merchantId = user.requireMerchant();
		TerminalView terminal = terminals.findBySerialNo(serialNo).filter(t -> merchantId.equals(t.merchantId()))
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		model.addAttribute("terminal", terminal);
		model.addAttribute("activationCode", security.activationCode(merchantId, serialNo).orElse(null));
		model.addAttribute("lastSale", transactions.lastSaleByTerminal(merchantId, List.of(serialNo)).get(serialNo));
		model.addAttribute("relocations", returns.relocationsOf(merchantId).stream()
			.filter(r -> r.serialNo().equals(serialNo)).toList());
		return "portal/terminal";
	}

	@PostMapping("/terminals/{serialNo}/report-lost/code")
	String sendCode(CurrentUser user, @PathVariable String serialNo, RedirectAttributes redirect) {
		try {
			security.sendReportLostCode(user);
			redirect.addFlashAttribute("codeSent", true);
		}
		catch (RateLimitedException e) {
			redirect.addFlashAttribute("lostError", problem(e.code()));
		}
		return "redirect:/terminals/" + serialNo + "#report-lost";
	}

	@PostMapping("/terminals/{serialNo}/report-lost")
	String reportLost(CurrentUser user, @PathVariable String serialNo, @RequestParam(defaultValue = "") String otp,
			RedirectAttributes redirect) {
		try {
			security.reportLost(user, serialNo, otp);
			redirect.addFlashAttribute("done", "terminal.page.lockedDone");
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("codeSent", true);
			redirect.addFlashAttribute("lostError", fieldErrors(e).values().iterator().next());
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("lostError", problem(e.code()));
		}
		return "redirect:/terminals/" + serialNo;
	}

	@PostMapping("/terminals/{serialNo}/return")
	String requestReturn(CurrentUser user, @PathVariable String serialNo, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			returns.requestReturn(user.requireMerchant(), serialNo, reason, user.username());
			redirect.addFlashAttribute("done", "terminal.page.returnDone");
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("returnError", fieldErrors(e).values().iterator().next());
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("returnError", problem(e.code()));
		}
		return "redirect:/terminals/" + serialNo;
	}

	@PostMapping("/terminals/{serialNo}/relocation")
	String relocate(CurrentUser user, @PathVariable String serialNo,
			@RequestParam(defaultValue = "") String installationAddress, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		try {
			returns.requestRelocation(user.requireMerchant(), serialNo, installationAddress, reason, user.username());
			redirect.addFlashAttribute("done", "terminal.page.relocationDone");
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("relocationErrors", fieldErrors(e));
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("relocationErrors", Map.of("installationAddress", problem(e.code())));
		}
		return "redirect:/terminals/" + serialNo + "#relocation";
	}

	private String applyPage(Model model, MerchantProfile merchant, ApplicationForm form, Map<String, String> errors,
			String error) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("error", error);
		model.addAttribute("catalogue", terminals.models());
		model.addAttribute("businessAddress", merchant.businessAddress());
		return "portal/terminal-apply";
	}

	private TerminalApplicationView ownApplication(CurrentUser user, String id) {
		try {
			return applications.find(user.requireMerchant(), UUID.fromString(id))
				.orElseThrow(() -> new ResourceNotFoundException("Application"));
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Application");
		}
	}

	private MerchantProfile merchant(CurrentUser user) {
		return merchants.find(user.requireMerchant()).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	private Map<String, String> fieldErrors(ValidationFailedException e) {
		Locale locale = LocaleContextHolder.getLocale();
		Map<String, String> errors = new HashMap<>();
		for (FieldViolation v : e.violations()) {
			errors.putIfAbsent(v.field(), messages.getMessage("field." + v.code(), v.args(), v.code(), locale));
		}
		return errors;
	}

	private String problem(String code) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage("problem." + code + ".detail", null,
				messages.getMessage("problem.CONFLICT.detail", null, code, locale), locale);
	}

	/** The application form; the idempotency key is made when the form is shown, so a double submit applies once. */
	record ApplicationForm(String modelCode, Integer quantity, String deliveryAddress, String contactName,
			String contactPhone, String installationAddress, String reason, String idempotencyKey) {

		ApplicationDraft draft() {
			return new ApplicationDraft(modelCode, quantity, deliveryAddress, contactName, contactPhone, installationAddress,
					reason);
		}
	}
}
