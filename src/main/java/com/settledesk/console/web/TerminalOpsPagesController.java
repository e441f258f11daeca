package com.settledesk.console.web;

import java.util.EnumSet;
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

import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.Enums;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.posapplication.ApplicationStatus;
import com.settledesk.posapplication.Carrier;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.posapplication.TerminalApplications;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.terminal.TerminalReturns;
import com.settledesk.terminal.TerminalSecurity;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.TerminalStock;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/**
 * The console's terminal pages: the application queue with risk signals and decisions, shipping from stock, the
 * stock per model, and the terminal register (search, alerts, unlock, returns, relocations).
 */
@Controller
class TerminalOpsPagesController {

	private final TerminalApplications applications;
	private final Terminals terminals;
	private final TerminalStock stock;
	private final TerminalSecurity security;
	private final TerminalReturns returns;
	private final Merchants merchants;
	private final MessageSource messages;

	TerminalOpsPagesController(TerminalApplications applications, Terminals terminals, TerminalStock stock,
			TerminalSecurity security, TerminalReturns returns, Merchants merchants, MessageSource messages) {
		this.applications = applications;
		this.terminals = terminals;
		this.stock = stock;
		this.security = security;
		this.returns = returns;
		this.merchants = merchants;
		this.messages = messages;
	}

	@GetMapping("/ops/terminal-applications")
	String queue(@RequestParam(required = false) String status, Model model) {
		ApplicationStatus wanted = Enums.parseOrNull(ApplicationStatus.class, status);
		List<TerminalApplicationView> rows = applications.queue(wanted == null
				? EnumSet.of(ApplicationStatus.SUBMITTED, ApplicationStatus.APPROVED, ApplicationStatus.SHIPPED)
				: EnumSet.of(wanted), 200);
		model.addAttribute("rows", rows);
		model.addAttribute("merchantNames", merchantNames(rows.stream().map(TerminalApplicationView::merchantId).toList()));
		model.addAttribute("statuses", ApplicationStatus.values());
		model.addAttribute("status", wanted);
		model.addAttribute("models", terminals.modelNames(LocaleContextHolder.getLocale()));
		model.addAttribute("stockCounts", stock.counts());
		return "console/terminal-applications";
	}

	@GetMapping("/ops/terminal-applications/{id}")
	String application(@PathVariable String id, Model model) {
		TerminalApplicationView application = find(id);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("posApplication", application);
		model.addAttribute("merchant", merchants.find(application.merchantId()).orElse(null));
		model.addAttribute("signals", applications.riskSignals(application.id()).stream()
			.map(s -> messages.getMessage("posapp.risk." + s.code(), s.args().toArray(), s.code().name(), locale)).toList());
		model.addAttribute("models", terminals.modelNames(LocaleContextHolder.getLocale()));
		model.addAttribute("carriers", Carrier.values());
		model.addAttribute("stock", application.status() == ApplicationStatus.APPROVED
				? stock.inStock(application.modelCode(), 50) : List.of());
		return "console/terminal-application";
	}

	@PostMapping("/ops/terminal-applications/{id}/{decision:approve|reject|request-info}")
	String decide(CurrentUser user, @PathVariable String id, @PathVariable String decision,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		UUID applicationId = find(id).id();
		act(redirect, () -> {
			switch (decision) {
				case "approve" -> applications.approve(user, applicationId, note);
				case "reject" -> applications.reject(user, applicationId, note);
				default -> applications.requestInformation(user, applicationId, note);
			}
		});
		return "redirect:/ops/terminal-applications/" + applicationId;
	}

	@PostMapping("/ops/terminal-applications/{id}/ship")
	String ship(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String carrier,
			@RequestParam(defaultValue = "") String trackingNo,
			@RequestParam(name = "serialNumbers", required = false) List<String> serialNumbers, RedirectAttributes redirect) {
		UUID applicationId = find(id).id();
		act(redirect, () -> applications.ship(user, applicationId, Enums.parseOrNull(Carrier.class, carrier), trackingNo,
				serialNumbers == null ? List.of() : serialNumbers));
		return "redirect:/ops/terminal-applications/" + applicationId;
	}

	@PostMapping("/ops/terminal-applications/{id}/delivered")
	String delivered(CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
		UUID applicationId = find(id).id();
		act(redirect, () -> applications.confirmDelivered(user, applicationId));
		return "redirect:/ops/terminal-applications/" + applicationId;
	}

	@GetMapping("/ops/terminal-stock")
	String stockPage(Model model) {
		Map<String, Long> counts = stock.counts();
		model.addAttribute("counts", counts);
		model.addAttribute("largest", Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1)));
		model.addAttribute("catalogue", terminals.models());
		model.addAttribute("inStock", stock.inStock(null, 200));
		return "console/terminal-stock";
	}

	@PostMapping("/ops/terminal-stock")
	String receive(CurrentUser user, @RequestParam(defaultValue = "") String modelCode,
			@RequestParam(defaultValue = "") String serialNumbers, RedirectAttributes redirect) {
		List<String> serials = List.of(serialNumbers.split("[\\s,，;；]+")).stream().filter(s -> !s.isBlank()).toList();
		act(redirect, () -> {
			int received = stock.receive(modelCode, serials, user.username());
			redirect.addFlashAttribute("received", received);
		});
		return "redirect:/ops/terminal-stock";
	}

	@GetMapping("/ops/terminals")
	String register(@RequestParam(required = false) String q, @RequestParam(required = false) String merchantNo,
			@RequestParam(required = false) String status, Model model) {
		MerchantId merchantId = null;
		boolean unknownMerchant = false;
		if (merchantNo != null && !merchantNo.isBlank()) {
			var merchant = merchants.findByMerchantNo(merchantNo.strip());
			merchantId = merchant.map(MerchantProfile::id).orElse(null);
			unknownMerchant = merchant.isEmpty();
		}
		TerminalStatus wanted = Enums.parseOrNull(TerminalStatus.class, status);
		List<TerminalView> rows = unknownMerchant ? List.of() : terminals.search(q, merchantId, wanted, 200);
		model.addAttribute("rows", rows);
		model.addAttribute("alerts", terminals.alerts());
		model.addAttribute("relocations", returns.pendingRelocations());
		model.addAttribute("openReturns", returns.openReturns());
		model.addAttribute("merchantNames", merchantNames(rows.stream().map(TerminalView::merchantId).toList()));
		model.addAttribute("statuses", TerminalStatus.values());
		model.addAttribute("q", q);
		model.addAttribute("merchantNo", merchantNo);
		model.addAttribute("status", wanted);
		return "console/terminals";
	}

	@GetMapping("/ops/terminals/{serialNo}")
	String terminal(@PathVariable String serialNo, Model model) {
		TerminalView terminal = terminals.findBySerialNo(serialNo)
			.orElseThrow(() -> new ResourceNotFoundException("Terminal"));
		model.addAttribute("terminal", terminal);
		model.addAttribute("merchant", terminal.merchantId() == null ? null
				: merchants.find(terminal.merchantId()).orElse(null));
		model.addAttribute("history", terminals.history(serialNo));
		return "console/terminal";
	}

	@PostMapping("/ops/terminals/{serialNo}/{action:unlock|return-received|wipe}")
	String terminalAction(CurrentUser user, @PathVariable String serialNo, @PathVariable String action,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		act(redirect, () -> {
			switch (action) {
				case "unlock" -> security.unlock(serialNo, note, user.username());
				case "return-received" -> returns.confirmReceived(serialNo, user.username());
				default -> returns.wipe(serialNo, user.username());
			}
		});
		return "redirect:/ops/terminals/" + serialNo;
	}

	@PostMapping("/ops/terminals/relocations/{id}/{decision:approve|reject}")
	String relocation(CurrentUser user, @PathVariable String id, @PathVariable String decision,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		UUID relocationId;
		try {
			relocationId = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Relocation");
		}
		act(redirect, () -> returns.decideRelocation(relocationId, "approve".equals(decision), note, user.username()));
		return "redirect:/ops/terminals";
	}

	/** Runs an operator's action; a refusal comes back as a message on the page, never as an error page. */
	private void act(RedirectAttributes redirect, Runnable action) {
		Locale locale = LocaleContextHolder.getLocale();
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (ValidationFailedException e) {
			FieldViolation v = e.violations().get(0);
			redirect.addFlashAttribute("error", messages.getMessage("console.terminal.field." + v.field().replaceAll("\\[.*", ""),
					null, v.field(), locale) + "：" + messages.getMessage("field." + v.code(), v.args(), v.code(), locale));
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("error", messages.getMessage("problem." + e.code() + ".detail", null,
					messages.getMessage("problem.CONFLICT.detail", null, e.code(), locale), locale));
		}
	}

	private TerminalApplicationView find(String id) {
		try {
			return applications.find(UUID.fromString(id)).orElseThrow(() -> new ResourceNotFoundException("Application"));
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Application");
		}
	}

	private Map<MerchantId, String> merchantNames(List<MerchantId> ids) {
		Map<MerchantId, String> names = new HashMap<>();
		ids.stream().filter(java.util.Objects::nonNull).distinct()
			.forEach(id -> merchants.find(id).ifPresent(m -> names.put(id, m.name() + " · " + m.merchantNo())));
		return names;
	}
}
