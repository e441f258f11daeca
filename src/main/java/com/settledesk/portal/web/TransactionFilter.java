package com.settledesk.portal.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import com.settledesk.acquiring.Channel;
import com.settledesk.shared.Enums;
import com.settledesk.acquiring.TransactionSearch;
import com.settledesk.shared.Money;

/**
 * The transactions page's filter as typed (query parameters, all text): days, channel, amount in yuan, part of the
 * reference, terminal, last four digits of the card. {@link #errors} names each field that cannot be read, with the
 * message key to show on it; only a filter without errors becomes a search.
 */
record TransactionFilter(String from, String to, String channel, String amount, String reference, String terminal,
		String card, String page) {

	static final int MAX_DAYS = 366;
	/** Which page of the matches, from 0. */
	int pageIndex() {
		return Pages.index(page);
	}

	Map<String, String> errors(LocalDate today, Collection<String> terminals) {
		Map<String, String> errors = new LinkedHashMap<>();
		LocalDate start = day(from, today.minusDays(6), "from", errors);
		LocalDate end = day(to, today, "to", errors);
		if (start != null && end != null && start.isAfter(end)) {
			errors.put("to", "filter.datesOrder");
		}
		else if (start != null && end != null && start.plusDays(MAX_DAYS).isBefore(end)) {
			errors.put("to", "filter.rangeTooLong");
		}
		if (blank(amount) != null && money() == null) {
			errors.put("amount", "filter.invalidAmount");
		}
		if (blank(reference) != null && reference.strip().length() > 64) {
			errors.put("reference", "filter.tooLong");
		}
		if (blank(terminal) != null && !terminals.contains(terminal.strip())) {
			errors.put("terminal", "filter.unknownTerminal");
		}
		if (blank(card) != null && !card.strip().matches("\\d{4}")) {
			errors.put("card", "filter.invalidCard");
		}
		return errors;
	}

	/** The search of a filter without errors; {@code among} restricts it to the card's transactions when one was asked. */
	TransactionSearch search(LocalDate today, java.util.Set<java.util.UUID> among) {
		return new TransactionSearch(day(from, today.minusDays(6), "from", new LinkedHashMap<>()),
				day(to, today, "to", new LinkedHashMap<>()), channelOrNull(), money(), blank(reference) == null ? null
						: reference.strip(), blank(terminal) == null ? null : terminal.strip(), among);
	}

	String cardDigits() {
		return blank(card) == null ? null : card.strip();
	}

	/** What the form shows again: the typed text, the days filled in. */
	Map<String, String> shown(LocalDate today) {
		Map<String, String> shown = new LinkedHashMap<>();
		shown.put("from", blank(from) == null ? today.minusDays(6).toString() : from.strip());
		shown.put("to", blank(to) == null ? today.toString() : to.strip());
		shown.put("channel", channelOrNull() == null ? "" : channelOrNull().name());
		shown.put("amount", blank(amount) == null ? "" : amount.strip());
		shown.put("reference", blank(reference) == null ? "" : reference.strip());
		shown.put("terminal", blank(terminal) == null ? "" : terminal.strip());
		shown.put("card", blank(card) == null ? "" : card.strip());
		return shown;
	}

	private Channel channelOrNull() {
		return Enums.parseOrNull(Channel.class, channel);
	}

	/** Yuan as people type them: "12.5", "¥1,234.00"; positive, at most two decimals and a sane size. */
	private Money money() {
		String typed = blank(amount);
		if (typed == null || typed.length() > 20) {
			return null;
		}
		try {
			Money money = Money.ofYuan(typed.replace("¥", "").replace("￥", "").replace(",", "").strip());
			return money.isPositive() ? money : null;
		}
		catch (IllegalArgumentException | ArithmeticException e) {
			return null;
		}
	}

	private static LocalDate day(String text, LocalDate otherwise, String field, Map<String, String> errors) {
		if (blank(text) == null) {
			return otherwise;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			errors.put(field, "filter.invalidDate");
			return null;
		}
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}
}
