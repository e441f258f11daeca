package com.settledesk.servicedesk.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.Transactions;
import com.settledesk.attachment.AttachmentKind;
import com.settledesk.shared.Enums;
import com.settledesk.attachment.Attachments;
import com.settledesk.identity.CurrentUser;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.SavedAnswers;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

/**
 * The merchant's customer service (客服) at phone width: its tickets, a new ticket (in one tap from a failed payout, a
 * rejected change, a fee line or a terminal: category and link filled in), the conversation, the rating, and the
 * saved answers (常见问题).
 */
@Controller
class TicketPagesController {

	private final Tickets tickets;
	private final SavedAnswers answers;
	private final Attachments attachments;
	private final Transactions transactions;

	TicketPagesController(Tickets tickets, SavedAnswers answers, Attachments attachments, Transactions transactions) {
		this.transactions = transactions;
		this.tickets = tickets;
		this.answers = answers;
		this.attachments = attachments;
	}

	@GetMapping("/tickets")
	String list(CurrentUser user, Model model) {
		model.addAttribute("tickets", tickets.ofMerchant(user.requireMerchant()));
		return "portal/tickets";
	}

	@GetMapping("/tickets/new")
	String form(CurrentUser user, @RequestParam(required = false) String category,
			@RequestParam(required = false) String relatedId, @RequestParam(required = false) String subject, Model model) {
		TicketCategory chosen = Enums.parseOrNull(TicketCategory.class, category);
		model.addAttribute("form", new TicketForm(chosen == null ? "" : chosen.name(),
				subject == null ? "" : subject.substring(0, Math.min(subject.length(), 120)), "",
				relatedId == null || relatedId.length() > 64 ? "" : relatedId));
		model.addAttribute("categories", TicketCategory.values());
		model.addAttribute("errors", java.util.Map.of());
		model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
		model.addAttribute("relatedSale", chosen == TicketCategory.FEE ? saleOf(user, relatedId) : null);
		return "portal/ticket-new";
	}

	/** The merchant's own sale a fee question is about (a statement line names its transaction), or null. */
	private CapturedTransaction saleOf(CurrentUser user, String relatedId) {
		UUID id;
		try {
			id = relatedId == null ? null : UUID.fromString(relatedId);
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
		CapturedTransaction sale = id == null ? null : transactions.byIds(java.util.List.of(id)).get(id);
		return sale != null && sale.merchantId().equals(user.requireMerchant()) ? sale : null;
	}

	@PostMapping("/tickets")
	String open(CurrentUser user, @RequestParam(defaultValue = "") String category,
			@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "") String relatedId, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String idempotencyKey, Model model) throws IOException {
		TicketForm form = new TicketForm(category, subject, body, relatedId);
		try {
			List<String> attached = new ArrayList<>();
			if (file != null && !file.isEmpty()) {
				attached.add(attachments.store(user.requireMerchant(), AttachmentKind.TICKET, file.getBytes(),
						user.username()).id().toString());
			}
			var opened = tickets.open(user, new NewTicket(category, subject, body, relatedId.isBlank() ? null : relatedId,
					attached), idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey);
			return "redirect:/tickets/" + opened.ticket().id();
		}
		catch (ValidationFailedException e) {
			model.addAttribute("form", form);
			model.addAttribute("categories", TicketCategory.values());
			model.addAttribute("errors", codes(e.violations()));
			model.addAttribute("idempotencyKey", idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
			return "portal/ticket-new";
		}
	}

	@GetMapping("/tickets/{id}")
	String detail(CurrentUser user, @PathVariable String id, Model model) {
		model.addAttribute("ticket", tickets.find(user.requireMerchant(), MerchantTicketController.parse(id))
			.orElseThrow(() -> new ResourceNotFoundException("Ticket")));
		model.addAttribute("errors", java.util.Map.of());
		return "portal/ticket";
	}

	@PostMapping("/tickets/{id}/reply")
	String reply(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String body,
			Model model) {
		UUID ticketId = MerchantTicketController.parse(id);
		try {
			tickets.reply(user, ticketId, body, List.of());
			return "redirect:/tickets/" + ticketId;
		}
		catch (ValidationFailedException e) {
			return again(user, ticketId, e.violations(), model);
		}
		catch (StateConflictException e) {
			return again(user, ticketId, List.of(new FieldViolation("body", "TICKET_CLOSED")), model);
		}
	}

	@PostMapping("/tickets/{id}/rating")
	String rate(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "0") String score,
			Model model) {
		UUID ticketId = MerchantTicketController.parse(id);
		try {
			tickets.rate(user, ticketId, parseScore(score));
			return "redirect:/tickets/" + ticketId;
		}
		catch (ValidationFailedException e) {
			return again(user, ticketId, e.violations(), model);
		}
		catch (StateConflictException e) {
			return again(user, ticketId, List.of(new FieldViolation("score", "ALREADY_RATED")), model);
		}
	}

	/** An attachment of the merchant's own ticket (the file it uploaded). */
	@GetMapping("/tickets/{id}/attachments/{attachmentId}")
	org.springframework.http.ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable String id,
			@PathVariable String attachmentId) {
		var ticket = tickets.find(user.requireMerchant(), MerchantTicketController.parse(id))
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
		UUID wanted = MerchantTicketController.parse(attachmentId);
		if (ticket.messages().stream().noneMatch(m -> m.attachmentIds().contains(wanted))) {
			throw new ResourceNotFoundException("Attachment");
		}
		return OpsTicketPagesController.download(attachments.contentFor(user.requireMerchant(), wanted)
			.orElseThrow(() -> new ResourceNotFoundException("Attachment")));
	}

	@GetMapping("/help")
	String help(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
			Locale locale, Model model) {
		String words = q == null ? "" : q.substring(0, Math.min(q.length(), 100));
		model.addAttribute("q", words);
		model.addAttribute("category", Enums.parseOrNull(TicketCategory.class, category));
		model.addAttribute("categories", TicketCategory.values());
		model.addAttribute("answers", answers.search(words, Enums.parseOrNull(TicketCategory.class, category), locale));
		return "portal/help";
	}

	private String again(CurrentUser user, UUID id, List<FieldViolation> errors, Model model) {
		model.addAttribute("ticket", tickets.find(user.requireMerchant(), id)
			.orElseThrow(() -> new ResourceNotFoundException("Ticket")));
		model.addAttribute("errors", codes(errors));
		return "portal/ticket";
	}

	/** Field → message code of its first problem, for the form. */
	static java.util.Map<String, String> codes(List<FieldViolation> violations) {
		java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
		violations.forEach(v -> codes.putIfAbsent(v.field(), v.code()));
		return codes;
	}

	private static int parseScore(String score) {
		try {
			return Integer.parseInt(score.strip());
		}
		catch (NumberFormatException e) {
			throw new ValidationFailedException(List.of(new FieldViolation("score", "OUT_OF_RANGE")));
		}
	}


	/** What the merchant typed, shown again with the errors on the fields. */
	record TicketForm(String category, String subject, String body, String relatedId) {
	}
}
