package com.settledesk.servicedesk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.settledesk.servicedesk.Team;
import com.settledesk.servicedesk.TicketCategory;
import com.settledesk.servicedesk.TicketMessage;
import com.settledesk.servicedesk.TicketStatus;
import com.settledesk.servicedesk.TicketStatusChanged;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;

class TicketUnitTests {

	static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

	static Ticket opened() {
		return Ticket.open(UUID.randomUUID(), "CS20261127-0001", MerchantId.random(), TicketCategory.PAYOUT,
				"No money", "Where is my payout?", List.of(), null, null, "13800000001", T0, T0.plus(Duration.ofHours(2)));
	}

	@Test
	void an_opened_ticket_is_open_with_the_merchants_message_and_a_first_answer_due() {
		Ticket ticket = opened();
		assertThat(ticket.status).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.holder).isEqualTo(Team.SERVICE);
		assertThat(ticket.newMessages()).singleElement().satisfies(m -> {
			assertThat(m.side()).isEqualTo(TicketMessage.Side.MERCHANT);
			assertThat(m.internal()).isFalse();
		});
		assertThat(ticket.events()).extracting(TicketStatusChanged::to).containsExactly(TicketStatus.OPEN);
	}

	@Test
	void an_internal_note_changes_no_status_and_does_not_count_as_the_first_answer() {
		Ticket ticket = opened();
		ticket.agentMessage("agent1", "checked the bank file", true, false, T0.plusSeconds(60));
		assertThat(ticket.status).isEqualTo(TicketStatus.OPEN);
		assertThat(ticket.firstAnsweredAt).isNull();
	}

	@Test
	void the_first_answer_stops_the_clock_and_a_question_waits_on_the_merchant() {
		Ticket ticket = opened();
		ticket.agentMessage("agent1", "Which day?", false, true, T0.plusSeconds(600));
		assertThat(ticket.status).isEqualTo(TicketStatus.WAITING_ON_MERCHANT);
		assertThat(ticket.firstAnsweredAt).isEqualTo(T0.plusSeconds(600));
		assertThat(ticket.assignee).isEqualTo("agent1");
		ticket.merchantReply("13800000001", "Yesterday", List.of(), T0.plusSeconds(900));
		assertThat(ticket.status).isEqualTo(TicketStatus.IN_PROGRESS);
		ticket.agentMessage("agent1", "Second answer", false, false, T0.plusSeconds(1200));
		assertThat(ticket.firstAnsweredAt).as("the first answer stays the first").isEqualTo(T0.plusSeconds(600));
	}

	@Test
	void a_merchant_reply_reopens_a_resolved_ticket_and_clears_its_rating() {
		Ticket ticket = opened();
		ticket.resolve("agent1", "Paid again today", T0.plusSeconds(60));
		ticket.rate(2, T0.plusSeconds(70));
		ticket.merchantReply("13800000001", "Still nothing", List.of(), T0.plusSeconds(120));
		assertThat(ticket.status).isEqualTo(TicketStatus.IN_PROGRESS);
		assertThat(ticket.rating).isNull();
		assertThat(ticket.resolvedAt).isNull();
	}

	@Test
	void a_resolved_ticket_closes_only_after_the_quiet_time_and_a_closed_one_takes_no_reply() {
		Ticket ticket = opened();
		ticket.resolve("agent1", "Done", T0);
		assertThat(ticket.closeIfQuiet(T0.minusSeconds(1), T0.plusSeconds(10))).isFalse();
		assertThat(ticket.closeIfQuiet(T0.plusSeconds(1), T0.plus(Duration.ofDays(7)))).isTrue();
		assertThat(ticket.status).isEqualTo(TicketStatus.CLOSED);
		assertThatThrownBy(() -> ticket.merchantReply("13800000001", "hello", List.of(), T0.plus(Duration.ofDays(8))))
			.isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> ticket.agentMessage("agent1", "hi", false, false, T0.plus(Duration.ofDays(8))))
			.isInstanceOf(StateConflictException.class);
	}

	@Test
	void only_a_resolved_or_closed_ticket_is_rated_once_from_one_to_five() {
		Ticket ticket = opened();
		assertThatThrownBy(() -> ticket.rate(5, T0)).isInstanceOf(StateConflictException.class);
		ticket.resolve("agent1", "Done", T0);
		assertThatThrownBy(() -> ticket.rate(0, T0)).isInstanceOf(ValidationFailedException.class);
		assertThatThrownBy(() -> ticket.rate(6, T0)).isInstanceOf(ValidationFailedException.class);
		ticket.rate(5, T0);
		assertThatThrownBy(() -> ticket.rate(4, T0)).isInstanceOf(StateConflictException.class);
		assertThat(ticket.rating).isEqualTo(5);
	}

	@Test
	void a_hand_over_moves_the_ticket_to_the_team_unassigned_with_an_internal_note() {
		Ticket ticket = opened();
		ticket.assign("agent1", T0);
		ticket.handOver(Team.FINANCE, "agent1", "Bank says returned; please check", T0.plusSeconds(5));
		assertThat(ticket.holder).isEqualTo(Team.FINANCE);
		assertThat(ticket.assignee).isNull();
		assertThat(ticket.newMessages().get(1).internal()).isTrue();
		assertThatThrownBy(() -> ticket.handOver(Team.FINANCE, "agent1", "again", T0))
			.isInstanceOf(StateConflictException.class);
	}

	@Test
	void a_resolved_ticket_cannot_be_resolved_assigned_or_handed_over_again() {
		Ticket ticket = opened();
		ticket.resolve("agent1", "Done", T0);
		assertThatThrownBy(() -> ticket.resolve("agent1", "Done", T0)).isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> ticket.assign("agent2", T0)).isInstanceOf(StateConflictException.class);
		assertThatThrownBy(() -> ticket.handOver(Team.REVIEW, "agent1", "x", T0))
			.isInstanceOf(StateConflictException.class);
	}
}
