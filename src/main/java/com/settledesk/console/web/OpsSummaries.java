package com.settledesk.console.web;

import org.springframework.stereotype.Component;

import com.settledesk.identity.UserAccounts;
import com.settledesk.merchant.Merchants;

/** Counts shown on the console's home and served by the summary API. */
@Component
class OpsSummaries {

	private final Merchants merchants;
	private final UserAccounts users;

	OpsSummaries(Merchants merchants, UserAccounts users) {
		this.merchants = merchants;
		this.users = users;
	}

	OpsSummary current() {
		return new OpsSummary(merchants.count(), users.count());
	}

	record OpsSummary(long merchants, long users) {
	}
}
