package com.settledesk.acquiring.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.acquiring.CardKind;
import com.settledesk.acquiring.Channel;
import com.settledesk.acquiring.Transactions;
import com.settledesk.identity.CurrentUser;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Timestamps;

/** GET /api/v1/merchant/transactions: newest first, by business date range (default the last 30 days). */
@RestController
class MerchantTransactionsController {

	private final Transactions transactions;
	private final Clock clock;

	MerchantTransactionsController(Transactions transactions, Clock clock) {
		this.transactions = transactions;
		this.clock = clock;
	}

	@GetMapping("/api/v1/merchant/transactions")
	List<TransactionResponse> list(CurrentUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		return transactions.ofMerchant(user.requireMerchant(), from == null ? today.minusDays(30) : from,
				to == null ? today : to, 200).stream()
			.map(t -> new TransactionResponse(t.id().toString(), t.reference(), t.terminalSn(), t.channel(), t.cardKind(),
					t.amount().fen(), t.fee().fen(), t.net().fen(), t.status(), Timestamps.forDisplay(t.occurredAt())))
			.toList();
	}

	record TransactionResponse(String id, String reference, String terminalSn, Channel channel, CardKind cardKind,
			long amountFen, long feeFen, long netFen, String status, OffsetDateTime occurredAt) {
	}
}
