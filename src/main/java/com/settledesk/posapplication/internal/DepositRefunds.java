package com.settledesk.posapplication.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.settledesk.terminal.TerminalReturned;

/**
 * A returned terminal's deposit goes back to the merchant's balance. Runs from the event publication registry,
 * so a crash between the return and the refund only delays the refund; the ledger refuses a second one.
 */
@Component
class DepositRefunds {

	private final TerminalApplicationRepository applications;
	private final TerminalCharges charges;

	DepositRefunds(TerminalApplicationRepository applications, TerminalCharges charges) {
		this.applications = applications;
		this.charges = charges;
	}

	@ApplicationModuleListener
	void on(TerminalReturned returned) {
		if (returned.applicationId() == null) {
			return;
		}
		applications.find(returned.applicationId())
			.filter(application -> application.merchantId().equals(returned.merchantId()))
			.ifPresent(application -> charges.refundDeposit(application, returned.serialNo()));
	}
}
