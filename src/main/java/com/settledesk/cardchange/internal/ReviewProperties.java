package com.settledesk.cardchange.internal;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;

/**
 * Review and risk settings. Each risk signal maps to the level it raises a request to (data, not code);
 * windows say what "recent" means.
 */
@ConfigurationProperties("settledesk.review")
record ReviewProperties(boolean autoApproveLowRisk, Duration coolingOff, Duration sla, Duration repeatChangeWindow,
		Duration passwordChangeWindow, long largePayoutFactor, long largePayoutMinimumFen,
		Map<RiskSignal, RiskLevel> signalLevels) {

	RiskLevel levelOf(RiskSignal signal) {
		return signalLevels.getOrDefault(signal, RiskLevel.MEDIUM);
	}
}
