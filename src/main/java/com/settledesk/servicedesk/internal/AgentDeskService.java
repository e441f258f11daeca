package com.settledesk.servicedesk.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.settledesk.acquiring.Transactions;
import com.settledesk.audit.AuditEvent;
import com.settledesk.audit.AuditLog;
import com.settledesk.cardchange.CardChanges;
import com.settledesk.cardchange.ChangeRequestId;
import com.settledesk.identity.CurrentUser;
import com.settledesk.identity.Role;
import com.settledesk.merchant.MerchantProfile;
import com.settledesk.merchant.Merchants;
import com.settledesk.notification.NoticeKind;
import com.settledesk.notification.Notifications;
import com.settledesk.notification.Recipient;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.servicedesk.AgentDesk;
import com.settledesk.servicedesk.MerchantOverview;
import com.settledesk.servicedesk.RelatedKind;
import com.settledesk.servicedesk.TicketView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.statement.FeeDispute;
import com.settledesk.statement.FeeDisputes;
import com.settledesk.terminal.Terminals;

@Service
class AgentDeskService implements AgentDesk {

	/** Customer service and administrators act on a merchant's behalf; other teams read tickets handed to them. */
	private static final Set<Role> ACTING = Set.of(Role.AGENT, Role.ADMIN);

	private final TicketRepository tickets;
	private final Merchants merchants;
	private final SettlementAccounts accounts;
	private final CardChanges cardChanges;
	private final Payouts payouts;
	private final Transactions transactions;
	private final Notifications notifications;
	private final Terminals terminals;
	private final FeeDisputes disputes;
	private final AuditLog audit;
	private final String publicUrl;

	AgentDeskService(TicketRepository tickets, Merchants merchants, SettlementAccounts accounts, CardChanges cardChanges,
			Payouts payouts, Transactions transactions, Notifications notifications, Terminals terminals,
			FeeDisputes disputes, AuditLog audit, @Value("${settledesk.public-url}") String publicUrl) {
		this.transactions = transactions;
		this.tickets = tickets;
		this.merchants = merchants;
		this.accounts = accounts;
		this.cardChanges = cardChanges;
		this.payouts = payouts;
		this.notifications = notifications;
		this.terminals = terminals;
		this.disputes = disputes;
		this.audit = audit;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
	}

	@Override
	@Transactional
	public java.util.Optional<RelatedThing> related(UUID ticketId) {
		TicketView ticket = ticket(ticketId);
		if (ticket.relatedKind() == null || ticket.relatedId() == null) {
			return java.util.Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(ticket.relatedId());
		}
		catch (IllegalArgumentException notAnId) {
			return java.util.Optional.empty();
		}
		return switch (ticket.relatedKind()) {
			case PAYOUT -> java.util.Optional.ofNullable(payouts.byIds(List.of(id)).get(id))
				.filter(p -> p.merchantId().equals(ticket.merchantId()))
				.map(p -> new RelatedThing(RelatedKind.PAYOUT, p.amount(), p.destinationMasked(),
						"payout.status." + p.status().name()));
			case CHANGE_REQUEST -> cardChanges.find(ticket.merchantId(), new ChangeRequestId(id))
				.map(c -> new RelatedThing(RelatedKind.CHANGE_REQUEST, null, c.accountNumberMasked(),
						"request.status." + c.status().name()));
			case STATEMENT_LINE -> java.util.Optional.ofNullable(transactions.byIds(List.of(id)).get(id))
				.filter(t -> t.merchantId().equals(ticket.merchantId()))
				.map(t -> new RelatedThing(RelatedKind.STATEMENT_LINE, t.amount(), null, "transaction.status." + t.status()));
			default -> java.util.Optional.empty();
		};
	}

	@Override
	public MerchantOverview overview(CurrentUser agent, UUID ticketId) {
		if (!agent.isOperator()) {
			throw new AccessDeniedException("Only operators see a merchant's overview");
		}
		TicketView ticket = ticket(ticketId);
		MerchantProfile merchant = merchant(ticket);
		audit.record(AuditEvent.of("MERCHANT_VIEW_OPENED", "MERCHANT", merchant.id().toString()).by(agent.username())
			.after(Map.of("ticket", ticket.number())));
		return new MerchantOverview(merchant, accounts.active(merchant.id()), cardChanges.ofMerchant(merchant.id()),
				payouts.ofMerchant(merchant.id(), 20), notifications.deliveriesTo(merchant.contactPhone(), 30),
				terminals.ofMerchant(merchant.id()),
				disputes.ofMerchant(merchant.id()).stream().filter(FeeDispute::isOpen).toList(),
				tickets.ofMerchant(merchant.id()));
	}

	@Override
	@Transactional
	public void resendNotice(CurrentUser agent, UUID ticketId, UUID deliveryId) {
		requireActing(agent);
		TicketView ticket = ticket(ticketId);
		notifications.resend(deliveryId, merchant(ticket).contactPhone(), agent.username());
		audit.record(AuditEvent.of("AGENT_RESENT_NOTICE", "TICKET", ticketId.toString()).by(agent.username())
			.after(Map.of("number", ticket.number(), "message", deliveryId.toString())));
	}

	@Override
	@Transactional
	public void askBankAgain(CurrentUser agent, UUID ticketId, UUID payoutId) {
		requireActing(agent);
		TicketView ticket = ticket(ticketId);
		PayoutView payout = payouts.byIds(Set.of(payoutId)).get(payoutId);
		if (payout == null || !payout.merchantId().equals(ticket.merchantId())) {
			throw new ResourceNotFoundException("Payout");
		}
		payouts.retry(payoutId, agent.username());
		audit.record(AuditEvent.of("AGENT_ASKED_BANK_AGAIN", "TICKET", ticketId.toString()).by(agent.username())
			.after(Map.of("number", ticket.number(), "payout", payoutId.toString())));
	}

	@Override
	@Transactional
	public void sendCardChangeLink(CurrentUser agent, UUID ticketId) {
		requireActing(agent);
		TicketView ticket = ticket(ticketId);
		MerchantProfile merchant = merchant(ticket);
		notifications.notifyMerchant(new Recipient(merchant.id(), merchant.contactPhone(), merchant.language()),
				NoticeKind.SERVICE, "notice.ticket.cardChangeLink",
				new Object[] { ticket.number(), publicUrl + "settlement-card/change" });
		audit.record(AuditEvent.of("AGENT_SENT_CARD_CHANGE_LINK", "TICKET", ticketId.toString()).by(agent.username())
			.after(Map.of("number", ticket.number())));
	}

	private TicketView ticket(UUID id) {
		return tickets.find(id).orElseThrow(() -> new ResourceNotFoundException("Ticket"));
	}

	private MerchantProfile merchant(TicketView ticket) {
		return merchants.find(ticket.merchantId()).orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	private static void requireActing(CurrentUser agent) {
		if (!ACTING.contains(agent.role())) {
			throw new AccessDeniedException("Only customer service acts for a merchant");
		}
	}
}
