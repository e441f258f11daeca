package com.settledesk.payout.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.merchant.Merchants;
import com.settledesk.payout.PayoutStatus;
import com.settledesk.payout.Payouts;
import com.settledesk.shared.FieldViolation;
import com.settledesk.shared.MerchantId;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.ValidationFailedException;

/** Operations on payouts: by status, ask the bank again, hold and release a merchant's payouts (audited). */
@RestController
@RequestMapping("/api/v1/ops/payouts")
class OpsPayoutController {

	private final Payouts payouts;
	private final Merchants merchants;

	OpsPayoutController(Payouts payouts, Merchants merchants) {
		this.payouts = payouts;
		this.merchants = merchants;
	}

	@GetMapping("/summary")
	Map<PayoutStatus, Long> summary() {
		return payouts.countByStatus();
	}

	@GetMapping
	List<MerchantMoneyController.PayoutResponse> list(@RequestParam(defaultValue = "SUBMITTED") PayoutStatus status) {
		return payouts.byStatus(status, 200).stream().map(MerchantMoneyController.PayoutResponse::of).toList();
	}

	@PostMapping("/{id}/retry")
	@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void retry(@PathVariable UUID id, CurrentUser user) {
		payouts.retry(id, user.username());
	}

	@PostMapping("/holds")
	@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void hold(@RequestBody HoldRequest body, CurrentUser user) {
		if (body.reason() == null || body.reason().isBlank()) {
			throw new ValidationFailedException(new FieldViolation("reason", "REQUIRED"));
		}
		payouts.hold(merchant(body.merchantNo()), body.reason().trim(), user.username());
	}

	@PostMapping("/holds/{merchantNo}/release")
	@PreAuthorize("hasAnyRole('FINANCE', 'ADMIN')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void release(@PathVariable String merchantNo, CurrentUser user) {
		payouts.release(merchant(merchantNo), user.username());
	}

	private MerchantId merchant(String merchantNo) {
		return merchants.findByMerchantNo(merchantNo == null ? "" : merchantNo).map(m -> m.id())
			.orElseThrow(() -> new ResourceNotFoundException("Merchant"));
	}

	record HoldRequest(String merchantNo, String reason) {
	}
}
