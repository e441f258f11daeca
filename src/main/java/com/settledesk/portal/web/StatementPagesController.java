package com.settledesk.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.settledesk.identity.CurrentUser;
import com.settledesk.jobs.BackgroundJobs;
import com.settledesk.shared.ClockConfiguration;
import com.settledesk.shared.Money;
import com.settledesk.shared.StateConflictException;
import com.settledesk.shared.ValidationFailedException;
import com.settledesk.statement.FeeDisputes;
import com.settledesk.statement.LineKind;
import com.settledesk.statement.StatementFormat;
import com.settledesk.statement.StatementLine;
import com.settledesk.statement.Statements;

/**
 * The merchant's statements: a day on screen with downloads, a receipt for each fee and a way to question it;
 * a month prepared in the background with a progress bar.
 */
@Controller
class StatementPagesController {

	private final Statements statements;
	private final FeeDisputes disputes;
	private final BackgroundJobs jobs;
	private final Clock clock;

	StatementPagesController(Statements statements, FeeDisputes disputes, BackgroundJobs jobs, Clock clock) {
		this.statements = statements;
		this.disputes = disputes;
		this.jobs = jobs;
		this.clock = clock;
	}

	@GetMapping("/statements")
	String page(CurrentUser user, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			Model model) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ClockConfiguration.DISPLAY_ZONE);
		LocalDate day = date == null || date.isAfter(today) ? today : date;
		var statement = statements.daily(user.requireMerchant(), day);
		if (date == null && statement.lines().isEmpty()) {
			// nothing moved yet today (early morning): the last whole day is what the merchant came to check
			day = today.minusDays(1);
			statement = statements.daily(user.requireMerchant(), day);
		}
		model.addAttribute("statement", statement);
		// the day's sales fold into one summary line that opens; everything else stands on its own line
		List<StatementLine> sales = statement.lines().stream().filter(l -> l.kind() == LineKind.CAPTURE).toList();
		model.addAttribute("sales", sales);
		model.addAttribute("others", statement.lines().stream().filter(l -> l.kind() != LineKind.CAPTURE).toList());
		model.addAttribute("salesAmount", sales.stream().map(StatementLine::amount).reduce(Money.ZERO, Money::plus));
		model.addAttribute("salesFees", sales.stream().map(StatementLine::fee).reduce(Money.ZERO, Money::plus));
		model.addAttribute("salesEffect", sales.stream().map(StatementLine::effect).reduce(Money.ZERO, Money::plus));
		model.addAttribute("day", day);
		model.addAttribute("month", YearMonth.from(day));
		model.addAttribute("disputes", disputes.ofMerchant(user.requireMerchant()));
		return "portal/statements";
	}

	@PostMapping("/statements/monthly")
	String monthly(CurrentUser user, @RequestParam String month, @RequestParam String format, Model model) {
		try {
			var job = statements.startMonthly(user.requireMerchant(), YearMonth.parse(month),
					StatementFormat.valueOf(format), user.username());
			model.addAttribute("job", jobs.find(job, user.username()).orElseThrow());
			return "jobs/progress :: job";
		}
		catch (DateTimeParseException | IllegalArgumentException | ValidationFailedException e) {
			return "portal/statements :: month-invalid";
		}
	}

	@PostMapping("/statements/disputes")
	String dispute(CurrentUser user, @RequestParam String entryKind, @RequestParam String entryReference,
			@RequestParam String reason, @RequestParam String date, RedirectAttributes redirect) {
		try {
			disputes.raise(user.requireMerchant(), entryKind, entryReference, reason, user.username());
			redirect.addFlashAttribute("disputed", true);
		}
		catch (ValidationFailedException | StateConflictException e) {
			redirect.addFlashAttribute("disputeError", entryReference);
		}
		redirect.addAttribute("date", date);
		return "redirect:/statements";
	}
}
