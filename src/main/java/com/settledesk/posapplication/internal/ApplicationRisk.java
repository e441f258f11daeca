package com.settledesk.posapplication.internal;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.settledesk.acquiring.Transactions;
import com.settledesk.ledger.Ledger;
import com.settledesk.ledger.LedgerAccount;
import com.settledesk.posapplication.RiskSignal;
import com.settledesk.posapplication.RiskSignal.RiskCode;
import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.settlementaccount.SettlementAccountView;
import com.settledesk.settlementaccount.SettlementAccounts;
import com.settledesk.shared.Money;
import com.settledesk.statement.FeeDisputes;
import com.settledesk.terminal.TerminalStatus;
import com.settledesk.terminal.Terminals;

/**
 * The risk signals of an application, in words for the reviewer: more terminals than the merchant's takings
 * carry, a place far from the business address, a settlement card changed lately, open disputes, a balance that
 * does not cover the charge.
 */
@Component
class ApplicationRisk {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final int TAKINGS_DAYS = 30;

	private final Terminals terminals;
	private final Transactions transactions;
	private final SettlementAccounts accounts;
	private final FeeDisputes disputes;
	private final Ledger ledger;
	private final Clock clock;
	private final Money takingsPerTerminal;
	private final Duration recentCardChange;

	ApplicationRisk(Terminals terminals, Transactions transactions, SettlementAccounts accounts, FeeDisputes disputes,
			Ledger ledger, Clock clock,
			@Value("${settledesk.terminal-application.takings-per-terminal-fen:3000000}") long takingsPerTerminalFen,
			@Value("${settledesk.terminal-application.recent-card-change:P30D}") Duration recentCardChange) {
		this.terminals = terminals;
		this.transactions = transactions;
		this.accounts = accounts;
		this.disputes = disputes;
		this.ledger = ledger;
		this.clock = clock;
		this.takingsPerTerminal = Money.ofFen(takingsPerTerminalFen);
		this.recentCardChange = recentCardChange;
	}

	List<RiskSignal> of(TerminalApplicationView application, String businessAddress) {
		List<RiskSignal> signals = new ArrayList<>();
		LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
		Money takings = transactions.takingsByDay(application.merchantId(), today.minusDays(TAKINGS_DAYS - 1), today)
			.values().stream().reduce(Money.ZERO, Money::plus);
		long bound = terminals.ofMerchant(application.merchantId()).stream()
			.filter(t -> t.status() != TerminalStatus.RETURNING).count();
		long carried = Math.max(1, takings.fen() / Math.max(1, takingsPerTerminal.fen()));
		if (bound + application.quantity() > carried) {
			signals.add(new RiskSignal(RiskCode.TOO_MANY_TERMINALS, List.of(yuan(takings), String.valueOf(bound),
					String.valueOf(bound + application.quantity()), yuan(takingsPerTerminal))));
		}
		Optional<String> business = AddressCities.cityOf(businessAddress);
		Optional<String> installation = AddressCities.cityOf(application.installationAddress());
		Optional<String> delivery = AddressCities.cityOf(application.deliveryAddress());
		if (business.isEmpty() || installation.isEmpty()) {
			signals.add(new RiskSignal(RiskCode.ADDRESS_NOT_COMPARABLE,
					List.of(orDash(businessAddress), orDash(application.installationAddress()))));
		}
		else if (!business.get().equals(installation.get())) {
			signals.add(new RiskSignal(RiskCode.INSTALLATION_FAR, List.of(installation.get(), business.get())));
		}
		if (business.isPresent() && delivery.isPresent() && !business.get().equals(delivery.get())) {
			signals.add(new RiskSignal(RiskCode.DELIVERY_FAR, List.of(delivery.get(), business.get())));
		}
		List<SettlementAccountView> history = accounts.history(application.merchantId());
		accounts.active(application.merchantId())
			.filter(active -> history.size() > 1 && active.boundAt() != null
					&& active.boundAt().isAfter(clock.instant().minus(recentCardChange)))
			.ifPresent(active -> signals.add(new RiskSignal(RiskCode.RECENT_CARD_CHANGE,
					List.of(String.valueOf(Duration.between(active.boundAt(), clock.instant()).toDays()),
							active.accountNumberMasked()))));
		long open = disputes.ofMerchant(application.merchantId()).stream().filter(d -> d.isOpen()).count();
		if (open > 0) {
			signals.add(new RiskSignal(RiskCode.OPEN_DISPUTES, List.of(String.valueOf(open))));
		}
		Money owed = ledger.balance(LedgerAccount.merchantPayable(application.merchantId())).negate();
		if (owed.compareTo(application.totalCharge()) < 0) {
			signals.add(new RiskSignal(RiskCode.BALANCE_BELOW_CHARGE, List.of(yuan(owed), yuan(application.totalCharge()))));
		}
		return signals;
	}

	private static String orDash(String value) {
		return value == null ? "—" : value;
	}

	static String yuan(Money money) {
		return (money.isNegative() ? "-" : "") + new DecimalFormat("¥#,##0.00").format(BigDecimal.valueOf(Math.abs(money.fen()), 2));
	}
}
