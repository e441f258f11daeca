package com.settledesk.servicedesk.internal;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.settledesk.servicedesk.TicketCategory;

/**
 * First-answer targets per category ({@code settledesk.service-desk.first-answer.PAYOUT=PT2H}) and how long a
 * resolved ticket stays open for the merchant's reply before it closes by itself.
 */
@ConfigurationProperties("settledesk.service-desk")
record ServiceDeskProperties(Map<TicketCategory, Duration> firstAnswer, Duration closeAfter) {

	private static final Map<TicketCategory, Duration> DEFAULTS = Map.of(TicketCategory.CARD_CHANGE, Duration.ofHours(2),
			TicketCategory.PAYOUT, Duration.ofHours(2), TicketCategory.FEE, Duration.ofHours(24),
			TicketCategory.TERMINAL, Duration.ofHours(4), TicketCategory.ACCOUNT, Duration.ofHours(1),
			TicketCategory.OTHER, Duration.ofHours(24));

	ServiceDeskProperties {
		Map<TicketCategory, Duration> targets = new EnumMap<>(DEFAULTS);
		if (firstAnswer != null) {
			targets.putAll(firstAnswer);
		}
		firstAnswer = Map.copyOf(targets);
		closeAfter = closeAfter == null ? Duration.ofDays(7) : closeAfter;
	}

	Duration firstAnswerWithin(TicketCategory category) {
		return firstAnswer.get(category);
	}
}
