package com.settledesk.servicedesk.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.servicedesk.AgentDesk;
import com.settledesk.servicedesk.QueueFilter;
import com.settledesk.servicedesk.SavedAnswer;
import com.settledesk.servicedesk.SavedAnswers;
import com.settledesk.servicedesk.Team;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketStatus;
import com.settledesk.servicedesk.Tickets;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;

/** The operators' side of the service desk (api-v1.md, "Service desk"), every change audited. */
@RestController
class OpsTicketController {

	private final Tickets tickets;
	private final AgentDesk desk;
	private final SavedAnswers answers;

	OpsTicketController(Tickets tickets, AgentDesk desk, SavedAnswers answers) {
		this.tickets = tickets;
		this.desk = desk;
		this.answers = answers;
	}

	@GetMapping("/api/v1/ops/tickets")
	List<TicketResponse> queue(@RequestParam(required = false) String status,
			@RequestParam(required = false) String category, @RequestParam(required = false) Integer olderThanHours,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String holder) {
		if (olderThanHours != null && (olderThanHours < 0 || olderThanHours > 24 * 366)) {
			throw new ValidationFailedException(List.of(new FieldViolation("olderThanHours", "OUT_OF_RANGE")));
		}
		return tickets.queue(new QueueFilter(parse(TicketStatus.class, "status", status), category(category),
				olderThanHours == null ? null : Duration.ofHours(olderThanHours),
				assignee == null || assignee.isBlank() ? null : assignee.strip(), parse(Team.class, "holder", holder)), 200)
			.stream().map(TicketResponse::forOperator).toList();
	}

	@GetMapping("/api/v1/ops/tickets/{id}")
	TicketResponse detail(@PathVariable String id) {
		return tickets.findForAgent(MerchantTicketController.parse(id)).map(TicketResponse::forOperator)
			.orElseThrow(() -> new ResourceNotFoundException("Ticket"));
	}

	@PostMapping("/api/v1/ops/tickets/{id}/messages")
	TicketResponse answer(CurrentUser user, @PathVariable String id, @RequestBody AnswerRequest body) {
		return TicketResponse.forOperator(tickets.answer(user, MerchantTicketController.parse(id), body.body(),
				Boolean.TRUE.equals(body.internal()), Boolean.TRUE.equals(body.waitForMerchant())));
	}

	@PostMapping("/api/v1/ops/tickets/{id}/assign")
	TicketResponse assign(CurrentUser user, @PathVariable String id, @RequestBody(required = false) AssignRequest body) {
		return TicketResponse.forOperator(tickets.assign(user, MerchantTicketController.parse(id),
				body == null ? null : body.assignee()));
	}

	@PostMapping("/api/v1/ops/tickets/{id}/hand-over")
	TicketResponse handOver(CurrentUser user, @PathVariable String id, @RequestBody HandOverRequest body) {
		return TicketResponse.forOperator(tickets.handOver(user, MerchantTicketController.parse(id),
				parse(Team.class, "team", body.team()), body.note()));
	}

	@PostMapping("/api/v1/ops/tickets/{id}/resolve")
	TicketResponse resolve(CurrentUser user, @PathVariable String id, @RequestBody NoteRequest body) {
		return TicketResponse.forOperator(tickets.resolve(user, MerchantTicketController.parse(id), body.note()));
	}

	@GetMapping("/api/v1/ops/tickets/{id}/merchant")
	MerchantOverviewResponse merchant(CurrentUser user, @PathVariable String id) {
		return MerchantOverviewResponse.of(desk.overview(user, MerchantTicketController.parse(id)));
	}

	@PostMapping("/api/v1/ops/tickets/{id}/actions/resend-notice")
	ResponseEntity<Void> resendNotice(CurrentUser user, @PathVariable String id, @RequestBody IdRequest body) {
		desk.resendNotice(user, MerchantTicketController.parse(id), uuid("messageId", body.messageId()));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/ops/tickets/{id}/actions/ask-bank-again")
	ResponseEntity<Void> askBankAgain(CurrentUser user, @PathVariable String id, @RequestBody IdRequest body) {
		desk.askBankAgain(user, MerchantTicketController.parse(id), uuid("payoutId", body.payoutId()));
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/ops/tickets/{id}/actions/card-change-link")
	ResponseEntity<Void> cardChangeLink(CurrentUser user, @PathVariable String id) {
		desk.sendCardChangeLink(user, MerchantTicketController.parse(id));
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/api/v1/ops/saved-answers")
	List<SavedAnswer> savedAnswers(@RequestParam(required = false) String q,
			@RequestParam(required = false) String category, Locale locale) {
		return answers.search(q, category(category), locale);
	}

	static TicketCategory category(String value) {
		return parse(TicketCategory.class, "category", value);
	}

	static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new ValidationFailedException(List.of(new FieldViolation(field, "INVALID")));
		}
	}

	private static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value == null ? "" : value.strip());
		}
		catch (IllegalArgumentException e) {
			throw new ValidationFailedException(List.of(new FieldViolation(field, "INVALID")));
		}
	}

	record AnswerRequest(String body, Boolean internal, Boolean waitForMerchant) {
	}

	record AssignRequest(String assignee) {
	}

	record HandOverRequest(String team, String note) {
	}

	record NoteRequest(String note) {
	}

	record IdRequest(String messageId, String payoutId) {
	}
}
