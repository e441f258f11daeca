package com.settledesk.servicedesk.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.attachment.AttachmentContent;
import com.settledesk.shared.Enums;
import com.settledesk.attachment.Attachments;
import com.settledesk.identity.CurrentUser;
import com.settledesk.servicedesk.AgentDesk;
import com.settledesk.servicedesk.QueueFilter;
import com.settledesk.servicedesk.SavedAnswer;
import com.settledesk.servicedesk.SavedAnswers;
import com.settledesk.servicedesk.Team;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketStatus;
import com.settledesk.servicedesk.TicketView;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

/**
 * The operators' service desk: the queue with its filters and first-answer breaches, a ticket with the conversation
 * and internal notes, the saved answers to insert, take / assign / hand over / resolve, and the merchant's view with
 * the few audited actions an agent may take.
 */
@Controller
class OpsTicketPagesController {

	private final Tickets tickets;
	private final AgentDesk desk;
	private final SavedAnswers answers;
	private final Attachments attachments;
	private final Clock clock;

	OpsTicketPagesController(Tickets tickets, AgentDesk desk, SavedAnswers answers, Attachments attachments,
			Clock clock) {
		this.tickets = tickets;
		this.desk = desk;
		this.answers = answers;
		this.attachments = attachments;
		this.clock = clock;
	}

	@GetMapping("/ops/tickets")
	String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) String olderThanHours, @RequestParam(required = false) String assignee,
			@RequestParam(required = false) String holder, Model model) {
		TicketStatus s = Enums.parseOrNull(TicketStatus.class, status);
		TicketCategory c = Enums.parseOrNull(TicketCategory.class, category);
		Team h = Enums.parseOrNull(Team.class, holder);
		Integer hours = hours(olderThanHours);
		String who = assignee == null || assignee.isBlank() || assignee.length() > 64 ? null : assignee.strip();
		model.addAttribute("tickets", tickets.queue(new QueueFilter(s, c, hours == null ? null : Duration.ofHours(hours),
				who, h), 200));
		model.addAttribute("filter", Map.of("status", s == null ? "" : s.name(), "category", c == null ? "" : c.name(),
				"olderThanHours", hours == null ? "" : hours.toString(), "assignee", who == null ? "" : who, "holder",
				h == null ? "" : h.name()));
		model.addAttribute("statuses", TicketStatus.values());
		model.addAttribute("categories", TicketCategory.values());
		model.addAttribute("teams", Team.values());
		model.addAttribute("stats", tickets.statistics());
		model.addAttribute("now", clock.instant());
		return "console/tickets";
	}

	@GetMapping("/ops/tickets/{id}")
	String ticket(@PathVariable String id, Locale locale, Model model) {
		TicketView ticket = tickets.findForAgent(MerchantTicketController.parse(id))
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
		model.addAttribute("ticket", ticket);
		model.addAttribute("related", desk.related(ticket.id()).orElse(null));
		model.addAttribute("late", ticket.firstAnswerLate(clock.instant()));
		model.addAttribute("teams", Team.values());
		model.addAttribute("savedAnswers", answers.search(null, ticket.category(), locale));
		return "console/ticket";
	}

	@PostMapping("/ops/tickets/{id}/answer")
	String answer(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String body,
			@RequestParam(required = false) String savedAnswer, @RequestParam(defaultValue = "false") boolean internal,
			@RequestParam(defaultValue = "false") boolean waitForMerchant, Locale locale, RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		String text = body.isBlank() && savedAnswer != null ? savedAnswerText(savedAnswer, locale) : body;
		return act(ticketId, redirect, () -> tickets.answer(user, ticketId, text, internal, waitForMerchant));
	}

	@PostMapping("/ops/tickets/{id}/assign")
	String assign(CurrentUser user, @PathVariable String id, @RequestParam(required = false) String assignee,
			RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		return act(ticketId, redirect, () -> tickets.assign(user, ticketId, assignee));
	}

	@PostMapping("/ops/tickets/{id}/hand-over")
	String handOver(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String team,
			@RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		return act(ticketId, redirect, () -> tickets.handOver(user, ticketId, OpsTicketController.parse(Team.class,
				"team", team), note));
	}

	@PostMapping("/ops/tickets/{id}/resolve")
	String resolve(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String note,
			RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		return act(ticketId, redirect, () -> tickets.resolve(user, ticketId, note));
	}

	@GetMapping("/ops/tickets/{id}/merchant")
	String merchant(CurrentUser user, @PathVariable String id, Model model) {
		UUID ticketId = MerchantTicketController.parse(id);
		model.addAttribute("ticket", tickets.findForAgent(ticketId).orElseThrow(() -> new ResourceNotFoundException(
				"Ticket")));
		model.addAttribute("overview", desk.overview(user, ticketId));
		return "console/ticket-merchant";
	}

	@PostMapping("/ops/tickets/{id}/actions/resend-notice")
	String resendNotice(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String messageId,
			RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		return action(ticketId, redirect, () -> desk.resendNotice(user, ticketId,
				MerchantTicketController.parse(messageId)));
	}

	@PostMapping("/ops/tickets/{id}/actions/ask-bank-again")
	String askBankAgain(CurrentUser user, @PathVariable String id, @RequestParam(defaultValue = "") String payoutId,
			RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		return action(ticketId, redirect, () -> desk.askBankAgain(user, ticketId,
				MerchantTicketController.parse(payoutId)));
	}

	@PostMapping("/ops/tickets/{id}/actions/card-change-link")
	String cardChangeLink(CurrentUser user, @PathVariable String id, RedirectAttributes redirect) {
		UUID ticketId = MerchantTicketController.parse(id);
		return action(ticketId, redirect, () -> desk.sendCardChangeLink(user, ticketId));
	}

	/** A file attached to this ticket, for the operators working it (each download audited). */
	@GetMapping("/ops/tickets/{id}/attachments/{attachmentId}")
	ResponseEntity<byte[]> attachment(CurrentUser user, @PathVariable String id, @PathVariable String attachmentId) {
		TicketView ticket = tickets.findForAgent(MerchantTicketController.parse(id))
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
		UUID wanted = MerchantTicketController.parse(attachmentId);
		if (ticket.messages().stream().noneMatch(m -> m.attachmentIds().contains(wanted))) {
			throw new ResourceNotFoundException("Attachment");
		}
		return download(attachments.contentForReviewer(wanted, user.username())
			.orElseThrow(() -> new ResourceNotFoundException("Attachment")));
	}

	static ResponseEntity<byte[]> download(AttachmentContent content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(content.attachment().contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(content.attachment().id() + extension(content.attachment().contentType())).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(content.bytes());
	}

	private static String extension(String contentType) {
		return switch (contentType) {
			case "image/png" -> ".png";
			case "application/pdf" -> ".pdf";
			default -> ".jpg";
		};
	}

	private String act(UUID ticketId, RedirectAttributes redirect, Runnable change) {
		try {
			change.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (ValidationFailedException e) {
			redirect.addFlashAttribute("problem", "field." + e.violations().get(0).code());
			redirect.addFlashAttribute("problemField", e.violations().get(0).field());
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("problem", "tickets.conflict");
		}
		return "redirect:/ops/tickets/" + ticketId;
	}

	private String action(UUID ticketId, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("done", true);
		}
		catch (StateConflictException e) {
			redirect.addFlashAttribute("problem", "tickets.actionRefused");
		}
		return "redirect:/ops/tickets/" + ticketId + "/merchant";
	}

	private String savedAnswerText(String id, Locale locale) {
		return answers.search(null, null, locale).stream().filter(a -> a.id().toString().equals(id))
			.map(SavedAnswer::answer).findFirst().orElse("");
	}

	private static Integer hours(String value) {
		try {
			int hours = Integer.parseInt(value == null ? "" : value.strip());
			return hours < 0 || hours > 24 * 366 ? null : hours;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
