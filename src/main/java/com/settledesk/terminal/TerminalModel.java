package com.settledesk.terminal;

import java.util.Locale;
import java.util.Set;

import com.settledesk.shared.Money;

/** A model in the catalogue, kept as data: what it is, what it costs and which payment channels it accepts. */
public record TerminalModel(String code, String name, String nameEn, TerminalKind kind, ChargeKind chargeKind,
		Money deposit, Money monthlyRent, Set<String> channels) {

	public TerminalModel {
		channels = Set.copyOf(channels);
	}

	/** What the merchant pays per terminal when its application is approved: the deposit or the first month. */
	public Money chargeOnApproval() {
		return chargeKind == ChargeKind.DEPOSIT ? deposit : monthlyRent;
	}

	public String name(Locale locale) {
		return locale != null && "en".equals(locale.getLanguage()) ? nameEn : name;
	}
}
