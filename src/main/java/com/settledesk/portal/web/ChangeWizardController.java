package com.settledesk.portal.web;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.settledesk.acquiring.FeePlans;
import com.settledesk.cardchange.CardChangeReviews;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.attachment.AttachmentKind;
import com.settledesk.attachment.Attachments;
import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.MerchantKind;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.settlementaccount.BankCardNumbers;
import com.settledesk.settlementaccount.CardBin;
import com.settledesk.settlementaccount.CardBinLookup;
import com.settledesk.settlementaccount.CardType;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Masking;
import com.settledesk.shared.RateLimitedException;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

/**
 * The change wizard, phone first: card details with live bank recognition → materials with previews →
 * one-time code → confirmation. Every check is the API's own (through {@link CardChanges}); errors are
 * shown on their field and what was typed is kept.
 */
@Controller
class ChangeWizardController {

	private static final Set<AttachmentKind> PERSONAL = EnumSet.of(AttachmentKind.ID_FRONT, AttachmentKind.ID_BACK,
			AttachmentKind.CARD_FRONT, AttachmentKind.AUTHORIZATION);
	private static final Set<AttachmentKind> CORPORATE = EnumSet.of(AttachmentKind.ACCOUNT_PROOF);

	private final CardChanges cardChanges;
	private final Merchants merchants;
	private final CardBinLookup bins;
	private final Attachments attachments;
	private final SettlementAccounts accounts;
	private final CardChangeReviews reviews;
	private final FeePlans fees;
	private final MessageSource messages;

	ChangeWizardController(CardChanges cardChanges, Merchants merchants, CardBinLookup bins, Attachments attachments,
			SettlementAccounts accounts, CardChangeReviews reviews, FeePlans fees, MessageSource messages) {
		this.messages = messages;
		this.accounts = accounts;
		this.reviews = reviews;
		this.fees = fees;
		this.cardChanges = cardChanges;
		this.merchants = merchants;
		this.bins = bins;
		this.attachments = attachments;
	}

	@GetMapping("/settlement-card/change")
	String details(CurrentUser user, HttpSession session, Model model) {
		MerchantProfile merchant = merchant(user);
		ChangeWizard wizard = wizard(session);
		var form = wizard.details() != null ? wizard.details()
				: new ChangeWizard.CardDetailsForm(merchant.kind() == MerchantKind.ENTERPRISE ? "CORPORATE" : "PERSONAL", "",
						merchant.kind() == MerchantKind.ENTERPRISE ? merchant.name() : merchant.legalName(), "", "", "", "");
		return detailsPage(model, merchant, form, Map.of());
	}

	@PostMapping("/settlement-card/change")
	String submitDetails(CurrentUser user, @ModelAttribute ChangeWizard.CardDetailsForm form, HttpSession session,
			Model model) {
		MerchantProfile merchant = merchant(user);
		ChangeWizard wizard = wizard(session);
		var normalized = new ChangeWizard.CardDetailsForm(form.accountType(),
				BankCardNumbers.normalize(form.accountNumber()), trim(form.accountName()), trim(form.holderIdNumber()),
				trim(form.reservedPhone()), trim(form.bankBranch()), trim(form.cnapsCode()));
		wizard.details(normalized);
		List<FieldViolation> violations = cardChanges.checkCardDetails(user, wizard.draft());
		if (!violations.isEmpty()) {
			return detailsPage(model, merchant, normalized, byField(violations));
		}
		return "redirect:/settlement-card/change/materials";
	}

	/** htmx: the bank and card kind of what has been typed so far. */
	@PostMapping("/settlement-card/change/bin")
	String bin(@RequestParam(defaultValue = "") String accountNumber, Model model) {
		describeNumber(BankCardNumbers.normalize(accountNumber), null, model);
		return "portal/change-fragments :: bin";
	}

	@GetMapping("/settlement-card/change/materials")
	String materials(CurrentUser user, HttpSession session, Model model) {
		ChangeWizard wizard = wizard(session);
		if (wizard.details() == null) {
			return "redirect:/settlement-card/change";
		}
		model.addAttribute("kinds", kindsFor(wizard));
		model.addAttribute("uploaded", wizard.materials());
		model.addAttribute("missing", null);
		return "portal/change-materials";
	}

	/** htmx: one file uploaded, answered with its preview (or the reason it was refused). */
	@PostMapping("/settlement-card/change/materials/{kind}")
	String upload(CurrentUser user, @PathVariable AttachmentKind kind, @RequestParam("file") MultipartFile file,
			HttpSession session, Model model) throws IOException {
		ChangeWizard wizard = wizard(session);
		model.addAttribute("kind", kind);
		try {
			var stored = attachments.store(user.requireMerchant(), kind, file.getBytes(), user.username());
			wizard.materials().put(kind, stored.id());
			model.addAttribute("attachment", stored);
		}
		catch (ValidationFailedException e) {
			model.addAttribute("uploadError", "field." + e.violations().get(0).code());
		}
		return "portal/change-fragments :: upload";
	}

	@GetMapping("/settlement-card/change/confirm")
	String confirm(CurrentUser user, HttpSession session, Model model) {
		ChangeWizard wizard = wizard(session);
		if (wizard.details() == null) {
			return "redirect:/settlement-card/change";
		}
		Set<AttachmentKind> missing = kindsFor(wizard).stream()
			.filter(k -> k != AttachmentKind.AUTHORIZATION && !wizard.materials().containsKey(k))
			.collect(Collectors.toCollection(() -> EnumSet.noneOf(AttachmentKind.class)));
		if (!missing.isEmpty()) {
			model.addAttribute("kinds", kindsFor(wizard));
			model.addAttribute("uploaded", wizard.materials());
			model.addAttribute("missing", missing);
			return "portal/change-materials";
		}
		return confirmPage(model, user, wizard, Map.of());
	}

	/** htmx: sends the one-time code to the registered phone. */
	@PostMapping("/settlement-card/change/code")
	String sendCode(CurrentUser user, Model model) {
		try {
			cardChanges.sendCode(user);
			model.addAttribute("sentTo", Masking.maskPhone(merchant(user).contactPhone()));
		}
		catch (RateLimitedException e) {
			model.addAttribute("retryAfter", e.retryAfter().toSeconds());
		}
		return "portal/change-fragments :: code";
	}

	@PostMapping("/settlement-card/change/submit")
	String submit(CurrentUser user, @RequestParam(defaultValue = "") String otp, HttpSession session,
			HttpServletRequest request, Model model) {
		ChangeWizard wizard = wizard(session);
		if (wizard.details() == null) {
			return "redirect:/settlement-card/change";
		}
		try {
			var submission = cardChanges.submit(user, wizard.draft(), otp.trim(), request.getRemoteAddr(), null);
			session.removeAttribute(ChangeWizard.SESSION_KEY);
			return "redirect:/settlement-card/change/done/" + submission.request().id();
		}
		catch (ValidationFailedException e) {
			return confirmPage(model, user, wizard, byField(e.violations()));
		}
		catch (StateConflictException e) {
			model.addAttribute("conflict", "problem." + e.code() + ".detail");
			return confirmPage(model, user, wizard, Map.of());
		}
	}

	@GetMapping("/settlement-card/change/done/{id}")
	String done(CurrentUser user, @PathVariable UUID id, Model model) {
		model.addAttribute("request", cardChanges.find(user.requireMerchant(), new ChangeRequestId(id))
			.orElseThrow(() -> new ResourceNotFoundException("Change request")));
		model.addAttribute("reviewHours", Math.max(1, reviews.sla().toHours()));
		return "portal/change-done";
	}

	private String detailsPage(Model model, MerchantProfile merchant, ChangeWizard.CardDetailsForm form,
			Map<String, String> errors) {
		model.addAttribute("merchant", merchant);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		describeNumber(form.accountNumber() == null ? "" : form.accountNumber(), errors.get("accountNumber"), model);
		return "portal/change-details";
	}

	private String confirmPage(Model model, CurrentUser user, ChangeWizard wizard, Map<String, String> errors) {
		var details = wizard.details();
		model.addAttribute("details", details);
		model.addAttribute("masked", Masking.maskAccountNumber(details.accountNumber()));
		model.addAttribute("bin", bins.lookup(details.accountNumber()).orElse(null));
		model.addAttribute("phone", Masking.maskPhone(merchant(user).contactPhone()));
		model.addAttribute("errors", errors);
		// what the merchant agrees to: which card replaces which, when, at what cost, and what becomes of money on its way
		model.addAttribute("oldCard", accounts.active(user.requireMerchant())
			.map(SettlementAccountView::accountNumberMasked).orElse(null));
		model.addAttribute("coolingOffMinutes", reviews.coolingOff().toMinutes());
		model.addAttribute("reviewHours", Math.max(1, reviews.sla().toHours()));
		model.addAttribute("fee", fees.cardChangeFee());
		return "portal/change-confirm";
	}

	private Set<AttachmentKind> kindsFor(ChangeWizard wizard) {
		return "CORPORATE".equals(wizard.details().accountType()) ? CORPORATE : PERSONAL;
	}

	private MerchantProfile merchant(CurrentUser user) {
		return merchants.find(user.requireMerchant()).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	private static ChangeWizard wizard(HttpSession session) {
		ChangeWizard wizard = (ChangeWizard) session.getAttribute(ChangeWizard.SESSION_KEY);
		if (wizard == null) {
			wizard = new ChangeWizard();
			session.setAttribute(ChangeWizard.SESSION_KEY, wizard);
		}
		return wizard;
	}

	/**
	 * What the page says under the card number, in one place: the submitted form's error, else what the digits
	 * typed so far tell (a credit card, a wrong length, a failed check digit once the bank's length is reached),
	 * else the bank. The fragment is replaced whole on every keystroke, so an earlier message never lingers.
	 */
	private void describeNumber(String digits, String submittedError, Model model) {
		CardBin bin = digits.length() >= 6 ? bins.lookup(digits).orElse(null) : null;
		String problem = null;
		if (bin != null && bin.cardType() != CardType.DEBIT) {
			problem = "field.NOT_A_DEBIT_CARD";
		}
		else if (bin != null && digits.length() > bin.length()) {
			problem = "field.INVALID_LENGTH";
		}
		else if (bin != null && digits.length() == bin.length() && !BankCardNumbers.luhnValid(digits)) {
			problem = "field.LUHN_CHECK_FAILED";
		}
		model.addAttribute("bin", bin);
		model.addAttribute("typed", digits.length() >= 6);
		model.addAttribute("numberProblem", problem);
		model.addAttribute("numberError", submittedError);
	}

	/** The first error of each field, as the words to show (arguments filled in, never a raw placeholder). */
	private Map<String, String> byField(List<FieldViolation> violations) {
		Locale locale = LocaleContextHolder.getLocale();
		return violations.stream().collect(Collectors.toMap(FieldViolation::field, v -> text(v, locale), (a, b) -> a));
	}

	private String text(FieldViolation violation, Locale locale) {
		if ("ATTACHMENT_REQUIRED".equals(violation.code())) {
			return messages.getMessage("wizard.materials.missing", null, locale);
		}
		return messages.getMessage("field." + violation.code(), violation.args(),
				messages.getMessage("field.INVALID", null, locale), locale);
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}
}
