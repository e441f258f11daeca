package com.settledesk.payout.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.PayoutView;
import com.settledesk.payout.Payouts;
import com.settledesk.payout.SettlementRun;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.Timestamps;
import com.settledesk.shared.ValidationFailedException;

/** The merchant's balance and payouts, and the operators' on-demand settlement run (api-v1.md). */
@RestController
class MerchantMoneyController {

	private final Payouts payouts;

	MerchantMoneyController(Payouts payouts) {
		this.payouts = payouts;
	}

	@GetMapping("/api/v1/merchant/balance")
	BalanceResponse balance(CurrentUser user) {
		var balance = payouts.balance(user.requireMerchant());
		return new BalanceResponse(balance.available().fen(), balance.pending().fen(), balance.held(), balance.heldReason());
	}

	@GetMapping("/api/v1/merchant/payouts")
	List<PayoutResponse> list(CurrentUser user) {
		return payouts.ofMerchant(user.requireMerchant(), 100).stream().map(PayoutResponse::of).toList();
	}

	@PostMapping("/api/v1/ops/settlement/runs")
	RunResponse run(@RequestBody RunRequest body, CurrentUser user) {
		if (body.mode() == null || !(body.mode().equals("D0") || body.mode().equals("T1"))) {
			throw new ValidationFailedException(new FieldViolation("mode", body.mode() == null ? "REQUIRED" : "INVALID"));
		}
		SettlementRun run = payouts.settleOnDemand(body.mode(), user.username());
		return new RunResponse(run.mode(), run.workingDay(), run.merchantsConsidered(), run.payoutsCreated(),
				run.total().fen(), run.held());
	}

	record BalanceResponse(long availableFen, long pendingFen, boolean held, String heldReason) {
	}

	record PayoutResponse(String id, long amountFen, long feeFen, PayoutStatus status, String destinationMasked,
			OffsetDateTime createdAt, OffsetDateTime paidAt, String failureReason) {

		static PayoutResponse of(PayoutView p) {
			return new PayoutResponse(p.id().toString(), p.amount().fen(), p.fee().fen(), p.status(), p.destinationMasked(),
					Timestamps.forDisplay(p.createdAt()), Timestamps.forDisplay(p.paidAt()), p.failureReason());
		}
	}

	record RunRequest(String mode) {
	}

	record RunResponse(String mode, boolean workingDay, int merchantsConsidered, int payoutsCreated, long totalFen,
			int held) {
	}
}
