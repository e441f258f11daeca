package com.settledesk.integration.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.acquiring.CapturedTransaction;
import com.settledesk.acquiring.TransactionUndone;
import com.settledesk.acquiring.Transactions;
import com.settledesk.cardchange.ChangeRequestStatusChanged;
import com.settledesk.integration.EventType;
import com.settledesk.merchant.Merchants;
import com.settledesk.payout.PayoutSettled;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.payout.PayoutsCreated;
import com.settledesk.posapplication.ApplicationStatusChanged;
import com.settledesk.servicedesk.TicketStatusChanged;
import com.settledesk.settlementaccount.SettlementAccountChanged;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.MerchantId;
import com.settledesk.terminal.TerminalStatusChanged;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns domain events into the catalogue's integration events (docs/events.md) and queues one delivery per
 * subscribed endpoint. It listens through Spring Modulith's publication registry: an event is stored in the
 * transaction of the change that caused it and handed here after that commit, again after a crash until this
 * listener completes; a change that rolled back has no event. Only masked numbers go into an event.
 */
@Component
class EventFeed {

	private final DeliveryRepository deliveries;
	private final EndpointRepository endpoints;
	private final Merchants merchants;
	private final JsonMapper json;
	private final ApplicationEventPublisher events;
	private final Transactions transactions;
	private final Payouts payouts;
	private final Clock clock;
	private final boolean rabbitEnabled;

	EventFeed(DeliveryRepository deliveries, EndpointRepository endpoints, Merchants merchants, JsonMapper json,
			ApplicationEventPublisher events, Transactions transactions, Payouts payouts, Clock clock,
			@Value("${settledesk.events.rabbitmq.enabled:false}") boolean rabbitEnabled) {
		this.rabbitEnabled = rabbitEnabled;
		this.events = events;
		this.transactions = transactions;
		this.payouts = payouts;
		this.deliveries = deliveries;
		this.endpoints = endpoints;
		this.merchants = merchants;
		this.json = json;
		this.clock = clock;
	}

	/** Sales of merchants with a subscribed endpoint (or all, with RabbitMQ on): {@link SalesFilter} chose them. */
	@ApplicationModuleListener
	void on(SalesToRecord e) {
		var sales = transactions.byIds(e.transactionIds()).values();
		Set<MerchantId> wanted = rabbitEnabled ? Set.of() : endpoints.subscribedAmong(sales.stream()
			.map(CapturedTransaction::merchantId).collect(Collectors.toSet()),
				EventType.TRANSACTION_CAPTURED);
		Batch batch = new Batch();
		for (CapturedTransaction t : sales.stream()
			.filter(t -> rabbitEnabled || wanted.contains(t.merchantId()))
			.sorted(java.util.Comparator.comparing(CapturedTransaction::capturedAt)).toList()) {
			batch.record(EventType.TRANSACTION_CAPTURED, t.merchantId(), "transaction:" + t.id() + ":CAPTURED",
					transaction(t));
		}
		batch.publish();
	}

	@ApplicationModuleListener
	void on(TransactionUndone e) {
		CapturedTransaction t = e.transaction();
		EventType type = "REVERSED".equals(t.status()) ? EventType.TRANSACTION_REVERSED : EventType.TRANSACTION_REFUNDED;
		record(type, t.merchantId(), "transaction:" + t.id() + ":" + t.status(), transaction(t));
	}

	@ApplicationModuleListener
	void on(PayoutsCreated e) {
		Batch batch = new Batch();
		for (PayoutView p : payouts.byIds(e.payoutIds()).values()) {
			batch.record(EventType.PAYOUT_CREATED, p.merchantId(), "payout:" + p.id() + ":CREATED", payout(p));
		}
		batch.publish();
	}

	@ApplicationModuleListener
	void on(PayoutSettled e) {
		PayoutView p = e.payout();
		EventType type = switch (p.status()) {
			case PAID -> EventType.PAYOUT_PAID;
			case FAILED -> EventType.PAYOUT_FAILED;
			case RETURNED -> EventType.PAYOUT_RETURNED;
			default -> null;
		};
		if (type != null) {
			record(type, p.merchantId(), "payout:" + p.id() + ":" + p.status(), payout(p));
		}
	}

	@ApplicationModuleListener
	void on(ChangeRequestStatusChanged e) {
		record(EventType.CHANGE_REQUEST_STATUS_CHANGED, new MerchantId(e.merchantId()),
				"change_request:" + e.requestId() + ":" + e.status() + ":" + (e.note() == null ? 0 : e.note().hashCode()),
				data("changeRequestId", e.requestId().toString(), "status", e.status().name()));
	}

	@ApplicationModuleListener
	void on(SettlementAccountChanged e) {
		record(EventType.SETTLEMENT_ACCOUNT_CHANGED, new MerchantId(e.merchantId()), "settlement_account:" + e.newAccountId(),
				data("settlementAccountId", e.newAccountId().toString(), "accountNumberMasked", e.newAccountMasked(),
						"effectiveAt", time(e.effectiveAt())));
	}

	@ApplicationModuleListener
	void on(TerminalStatusChanged e) {
		if (e.merchantId() == null) {
			return;
		}
		record(EventType.TERMINAL_STATUS_CHANGED, e.merchantId(), "terminal:" + e.serialNo() + ":" + e.to() + ":" + e.at(),
				data("serialNumber", e.serialNo(), "terminalId", e.terminalId(), "from", e.from() == null ? null
						: e.from().name(), "to", e.to().name(), "lockReason", e.lockReason() == null ? null
								: e.lockReason().name()));
	}

	@ApplicationModuleListener
	void on(ApplicationStatusChanged e) {
		record(EventType.TERMINAL_APPLICATION_STATUS_CHANGED, e.merchantId(),
				"terminal_application:" + e.applicationId() + ":" + e.to() + ":" + e.at(),
				data("applicationNumber", e.number(), "from", e.from() == null ? null : e.from().name(), "to",
						e.to().name()));
	}

	@ApplicationModuleListener
	void on(TicketStatusChanged e) {
		record(EventType.TICKET_STATUS_CHANGED, e.merchantId(), "ticket:" + e.ticketId() + ":" + e.to() + ":" + e.at(),
				data("ticketNumber", e.number(), "from", e.from() == null ? null : e.from().name(), "to", e.to().name()));
	}

	/** Stores the event and queues it for every active endpoint of the merchant that subscribed to its type. */
	void record(EventType type, MerchantId merchantId, String sourceKey, Map<String, Object> data) {
		Batch batch = new Batch();
		batch.record(type, merchantId, sourceKey, data);
		batch.publish();
	}

	/** Events of one domain event: each merchant's number and endpoints read once, the events published together. */
	private final class Batch {

		private final java.util.List<UUID> recorded = new java.util.ArrayList<>();

		private final Map<MerchantId, String> merchantNos = new java.util.HashMap<>();
		private final Map<MerchantId, java.util.List<EndpointRepository.Endpoint>> subscribers = new java.util.HashMap<>();

		void record(EventType type, MerchantId merchantId, String sourceKey, Map<String, Object> data) {
			Instant now = clock.instant();
			UUID id = UUID.randomUUID();
			String merchantNo = merchantNos.computeIfAbsent(merchantId,
					m -> merchants.find(m).map(p -> p.merchantNo()).orElse(null));
			String body = body(id, type, merchantNo, now, data);
			if (!deliveries.insertEvent(id, type, merchantId, sourceKey, body, now)) {
				return;
			}
			recorded.add(id);
			subscribers.computeIfAbsent(merchantId, endpoints::activeOf).stream()
				.filter(endpoint -> endpoint.wants(type))
				.forEach(endpoint -> deliveries.insertDelivery(endpoint.id(), id, now));
		}

		void publish() {
			for (int from = 0; from < recorded.size(); from += IntegrationEventsRecorded.MAX_EVENTS) {
				events.publishEvent(new IntegrationEventsRecorded(java.util.List.copyOf(recorded.subList(from,
						Math.min(recorded.size(), from + IntegrationEventsRecorded.MAX_EVENTS)))));
			}
		}
	}

	/** A ping: stored like any event, queued for the one endpoint only. */
	UUID ping(MerchantId merchantId, UUID endpointId) {
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		deliveries.insertEvent(id, EventType.PING, merchantId, "ping:" + id,
				body(id, EventType.PING, merchants.find(merchantId).map(p -> p.merchantNo()).orElse(null), now,
						data("endpointId", endpointId.toString())), now);
		deliveries.insertDelivery(endpointId, id, now);
		return id;
	}

	private String body(UUID id, EventType type, String merchantNo, Instant at, Map<String, Object> data) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("id", id.toString());
		event.put("type", type.wireName());
		event.put("createdAt", time(at));
		event.put("merchantNo", merchantNo);
		event.put("data", data);
		return json.writeValueAsString(event);
	}

	private static Map<String, Object> transaction(CapturedTransaction t) {
		return data("transactionId", t.id().toString(), "reference", t.reference(), "terminalSerialNumber",
				t.terminalSn(), "channel", t.channel().name(), "cardKind", t.cardKind().name(), "amountFen",
				t.amount().fen(), "feeFen", t.fee().fen(), "netFen", t.net().fen(), "occurredAt", time(t.occurredAt()),
				"businessDate", String.valueOf(t.businessDate()), "status", t.status());
	}

	private static Map<String, Object> payout(PayoutView p) {
		return data("payoutId", p.id().toString(), "mode", p.mode(), "amountFen", p.amount().fen(), "feeFen",
				p.fee().fen(), "status", p.status().name(), "destinationMasked", p.destinationMasked(), "failureReason",
				p.failureReason());
	}

	private static String time(Instant at) {
		return at == null ? null : at.atZone(ClockConfiguration.DISPLAY_ZONE).toOffsetDateTime().toString();
	}

	private static Map<String, Object> data(Object... keysAndValues) {
		Map<String, Object> data = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			data.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return data;
	}
}
