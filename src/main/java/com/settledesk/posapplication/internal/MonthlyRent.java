package com.settledesk.posapplication.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.settledesk.posapplication.TerminalApplicationView;
import com.settledesk.terminal.TerminalView;
import com.settledesk.terminal.Terminals;

/**
 * Rent of rented terminals (租金): the first month is charged on approval; from the next calendar month on, each
 * terminal still with the merchant is charged once a month (ledger reference number/serial/month, so a second run
 * charges nothing). A returned terminal is no longer charged.
 */
@Component
class MonthlyRent {

	private static final Logger log = LoggerFactory.getLogger(MonthlyRent.class);
	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final TerminalApplicationRepository applications;
	private final Terminals terminals;
	private final TerminalCharges charges;
	private final TransactionTemplate transactions;
	private final Clock clock;

	MonthlyRent(TerminalApplicationRepository applications, Terminals terminals, TerminalCharges charges,
			TransactionTemplate transactions, Clock clock) {
		this.applications = applications;
		this.terminals = terminals;
		this.charges = charges;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** Charges this month's rent where it is due; answers how many terminals were charged. */
	@Scheduled(cron = "${settledesk.terminal-application.rent-cron:0 10 2 * * *}", zone = "Asia/Shanghai")
	int chargeDueRent() {
		YearMonth month = YearMonth.from(clock.instant().atZone(SHANGHAI));
		int charged = 0;
		for (TerminalApplicationView application : applications.rentedInUse()) {
			if (!month.isAfter(YearMonth.from(applications.approvedAt(application.id()).atZone(SHANGHAI)))) {
				continue;
			}
			Map<String, TerminalView> bound = terminals.findBySerialNos(application.serialNumbers());
			List<String> due = application.serialNumbers().stream()
				.filter(serial -> bound.containsKey(serial) && bound.get(serial).status().isBound()
						&& application.merchantId().equals(bound.get(serial).merchantId())
						&& application.id().equals(bound.get(serial).applicationId()))
				.toList();
			for (String serial : due) {
				Boolean posted = transactions.execute(status -> charges.chargeRent(application, serial, month));
				charged += Boolean.TRUE.equals(posted) ? 1 : 0;
			}
		}
		if (charged > 0) {
			log.info("Charged {} rent for {} terminal(s)", month, charged);
		}
		return charged;
	}
}
