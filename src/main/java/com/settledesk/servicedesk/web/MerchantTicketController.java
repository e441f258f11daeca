package com.settledesk.servicedesk.web;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.servicedesk.NewTicket;
import com.settledesk.servicedesk.SavedAnswer;
import com.settledesk.servicedesk.SavedAnswers;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;

/** The merchant's tickets (owner or cashier) and the saved answers (api-v1.md, "Service desk"). */
@RestController
class MerchantTicketController {

	private final Tickets tickets;
	private final SavedAnswers answers;

	MerchantTicketController(Tickets tickets, SavedAnswers answers) {
		this.tickets = tickets;
		this.answers = answers;
	}

	@PostMapping("/api/v1/merchant/tickets")
	ResponseEntity<TicketResponse> open(CurrentUser user, @RequestBody NewTicket body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		var opened = tickets.open(user, body, idempotencyKey);
		return ResponseEntity.status(opened.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
			.body(TicketResponse.forMerchant(opened.ticket()));
	}

	@GetMapping("/api/v1/merchant/tickets")
	List<TicketResponse> list(CurrentUser user) {
		return tickets.ofMerchant(user.requireMerchant()).stream().map(TicketResponse::forMerchant).toList();
	}

	@GetMapping("/api/v1/merchant/tickets/{id}")
	TicketResponse detail(CurrentUser user, @PathVariable String id) {
		return tickets.find(user.requireMerchant(), parse(id)).map(TicketResponse::forMerchant)
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
	}

	@PostMapping("/api/v1/merchant/tickets/{id}/messages")
	TicketResponse reply(CurrentUser user, @PathVariable String id, @RequestBody ReplyRequest body) {
		return TicketResponse.forMerchant(tickets.reply(user, parse(id), body.body(), body.attachmentIds()));
	}

	@PostMapping("/api/v1/merchant/tickets/{id}/rating")
	TicketResponse rate(CurrentUser user, @PathVariable String id, @RequestBody RatingRequest body) {
		if (body.score() == null) {
			throw new ValidationFailedException(List.of(new FieldViolation("score", "REQUIRED")));
		}
		return TicketResponse.forMerchant(tickets.rate(user, parse(id), body.score()));
	}

	@GetMapping("/api/v1/merchant/help")
	List<SavedAnswer> help(CurrentUser user, @RequestParam(required = false) String q,
			@RequestParam(required = false) String category, java.util.Locale locale) {
		return answers.search(q, OpsTicketController.category(category), locale);
	}

	static UUID parse(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new ResourceNotFoundException("Ticket");
		}
	}

	record ReplyRequest(String body, List<String> attachmentIds) {
	}

	record RatingRequest(Integer score) {
	}
}
