package com.settledesk.settlementaccount.web;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.settledesk.identity.CurrentUser;
import com.settledesk.settlementaccount.AccountType;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.ResourceNotFoundException;
import com.settledesk.shared.Timestamps;

/** The merchant's current settlement account and the ones it replaced. Numbers only masked. */
@RestController
class SettlementAccountController {

	private final SettlementAccounts accounts;

	SettlementAccountController(SettlementAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/merchant/settlement-account")
	AccountResponse current(CurrentUser user) {
		return accounts.active(user.requireMerchant())
			.map(AccountResponse::of)
			.orElseThrow(() -> new ResourceNotFoundException("Settlement account"));
	}

	@GetMapping("/api/v1/merchant/settlement-account/history")
	List<AccountResponse> history(CurrentUser user) {
		return accounts.history(user.requireMerchant()).stream().map(AccountResponse::of).toList();
	}

	record AccountResponse(AccountType accountType, String accountNumberMasked, String accountName, String bankCode,
			String bankName, String bankBranch, OffsetDateTime boundAt, OffsetDateTime unboundAt) {

		static AccountResponse of(SettlementAccountView a) {
			return new AccountResponse(a.accountType(), a.accountNumberMasked(), a.accountName(), a.bankCode(),
					a.bankName(), a.bankBranch(), Timestamps.forDisplay(a.boundAt()), Timestamps.forDisplay(a.unboundAt()));
		}
	}
}
