package com.settledesk.servicedesk.web;

import java.time.OffsetDateTime;
import java.util.List;

import com.settledesk.servicedesk.MerchantOverview;
import com.settledesk.shared.Timestamps;

/** The agent's view of a merchant in the API: masked numbers only. */
record MerchantOverviewResponse(Profile profile, Card settlementCard, List<Change> changeRequests,
		List<Payout> payouts, List<Notice> notices, List<Terminal> terminals, List<Dispute> openDisputes,
		List<TicketResponse> tickets) {

	record Profile(String merchantNo, String name, String kind, String legalName, String legalIdMasked,
			String contactPhoneMasked, String status, String settlementMode) {
	}

	record Card(String accountNumberMasked, String bankName, String accountName, OffsetDateTime boundAt) {
	}

	record Change(String id, String status, String accountNumberMasked, String bankName, OffsetDateTime submittedAt,
			String rejectReason, OffsetDateTime effectiveAt, List<Step> history) {
	}

	record Step(String status, OffsetDateTime at, String note) {
	}

	record Payout(String id, String mode, long amountFen, String status, String destinationMasked, String failureReason,
			OffsetDateTime createdAt, OffsetDateTime paidAt) {
	}

	record Notice(String id, String channel, String template, String status, OffsetDateTime queuedAt) {
	}

	record Terminal(String serialNumber, String terminalId, String model, String status) {
	}

	record Dispute(String id, String entryReference, long feeFen, String reason, OffsetDateTime raisedAt) {
	}

	static MerchantOverviewResponse of(MerchantOverview o) {
		var p = o.profile();
		return new MerchantOverviewResponse(
				new Profile(p.merchantNo(), p.name(), p.kind().name(), p.legalName(), p.legalIdMasked(),
						com.settledesk.shared.Masking.maskPhone(p.contactPhone()), p.status().name(),
						p.settlementMode().name()),
				o.settlementCard().map(c -> new Card(c.accountNumberMasked(), c.bankName(), c.accountName(),
						Timestamps.forDisplay(c.boundAt()))).orElse(null),
				o.changeRequests().stream().map(c -> new Change(c.id().toString(), c.status().name(),
						c.accountNumberMasked(), c.bankName(), Timestamps.forDisplay(c.submittedAt()), c.rejectReason(),
						Timestamps.forDisplay(c.effectiveAt()), c.history().stream()
							.map(h -> new Step(String.valueOf(h.status()), Timestamps.forDisplay(h.at()), h.note())).toList()))
					.toList(),
				o.payouts().stream().map(x -> new Payout(x.id().toString(), x.mode(), x.amount().fen(), x.status().name(),
						x.destinationMasked(), x.failureReason(), Timestamps.forDisplay(x.createdAt()),
						Timestamps.forDisplay(x.paidAt()))).toList(),
				o.notices().stream().map(n -> new Notice(n.id().toString(), n.channel().name(), n.template(),
						n.status().name(), Timestamps.forDisplay(n.queuedAt()))).toList(),
				o.terminals().stream().map(t -> new Terminal(t.serialNo(), t.terminalId(), t.model(), t.status().name()))
					.toList(),
				o.openDisputes().stream().map(d -> new Dispute(d.id().toString(), d.entryReference(), d.fee().fen(),
						d.reason(), Timestamps.forDisplay(d.raisedAt()))).toList(),
				o.tickets().stream().map(TicketResponse::forOperator).toList());
	}
}
