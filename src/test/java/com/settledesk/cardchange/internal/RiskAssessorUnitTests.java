package com.settledesk.cardchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.settledesk.cardchange.RiskLevel;
import com.settledesk.cardchange.RiskSignal;
import com.settledesk.cardchange.VerificationStatus;
import com.settledesk.cardchange.internal.RiskAssessor.Facts;

/** Each risk rule: the fact that triggers it, the reason shown, and the level the default configuration gives. */
class RiskAssessorUnitTests {

	private static final Facts CLEAN = new Facts(true, VerificationStatus.MATCH, true, false, false, false, false, false);

	static ReviewProperties defaults() {
		Map<RiskSignal, RiskLevel> levels = new EnumMap<>(RiskSignal.class);
		levels.put(RiskSignal.HOLDER_NOT_LEGAL_REPRESENTATIVE, RiskLevel.HIGH);
		levels.put(RiskSignal.VERIFICATION_MISMATCH, RiskLevel.HIGH);
		levels.put(RiskSignal.CARD_CLOSED, RiskLevel.HIGH);
		levels.put(RiskSignal.CARD_ACTIVE_FOR_ANOTHER_MERCHANT, RiskLevel.HIGH);
		levels.put(RiskSignal.VERIFICATION_PENDING, RiskLevel.MEDIUM);
		levels.put(RiskSignal.UNKNOWN_BANK, RiskLevel.MEDIUM);
		levels.put(RiskSignal.UNFAMILIAR_ADDRESS, RiskLevel.MEDIUM);
		levels.put(RiskSignal.RECENT_PASSWORD_CHANGE, RiskLevel.MEDIUM);
		levels.put(RiskSignal.REPEATED_CHANGE, RiskLevel.MEDIUM);
		levels.put(RiskSignal.LARGE_PENDING_PAYOUT, RiskLevel.MEDIUM);
		return new ReviewProperties(true, Duration.ZERO, Duration.ofHours(4), Duration.ofDays(30), Duration.ofDays(7), 5,
				500000, levels);
	}

	@Test
	void no_signal_is_low_risk() {
		var assessment = RiskAssessor.assess(CLEAN, defaults());
		assertThat(assessment.level()).isEqualTo(RiskLevel.LOW);
		assertThat(assessment.reasons()).isEmpty();
	}

	static Stream<Arguments> rules() {
		return Stream.of(
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(false, f.verification(), f.bankKnown(), false, false, false, false, false),
						RiskSignal.HOLDER_NOT_LEGAL_REPRESENTATIVE, RiskLevel.HIGH),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MISMATCH, true, false, false, false, false, false),
						RiskSignal.VERIFICATION_MISMATCH, RiskLevel.HIGH),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.CARD_CLOSED, true, false, false, false, false, false),
						RiskSignal.CARD_CLOSED, RiskLevel.HIGH),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.PENDING, true, false, false, false, false, false),
						RiskSignal.VERIFICATION_PENDING, RiskLevel.MEDIUM),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MATCH, false, false, false, false, false, false),
						RiskSignal.UNKNOWN_BANK, RiskLevel.MEDIUM),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MATCH, true, true, false, false, false, false),
						RiskSignal.UNFAMILIAR_ADDRESS, RiskLevel.MEDIUM),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MATCH, true, false, true, false, false, false),
						RiskSignal.RECENT_PASSWORD_CHANGE, RiskLevel.MEDIUM),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MATCH, true, false, false, true, false, false),
						RiskSignal.REPEATED_CHANGE, RiskLevel.MEDIUM),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MATCH, true, false, false, false, true, false),
						RiskSignal.CARD_ACTIVE_FOR_ANOTHER_MERCHANT, RiskLevel.HIGH),
				Arguments.of((UnaryOperator<Facts>) f -> new Facts(true, VerificationStatus.MATCH, true, false, false, false, false, true),
						RiskSignal.LARGE_PENDING_PAYOUT, RiskLevel.MEDIUM));
	}

	@ParameterizedTest(name = "{1} → {2}")
	@MethodSource("rules")
	void each_signal_is_named_and_raises_the_configured_level(UnaryOperator<Facts> fact, RiskSignal signal, RiskLevel level) {
		var assessment = RiskAssessor.assess(fact.apply(CLEAN), defaults());
		assertThat(assessment.reasons()).containsExactly(signal);
		assertThat(assessment.level()).isEqualTo(level);
	}

	@Test
	void the_highest_signal_decides_the_level() {
		var assessment = RiskAssessor.assess(new Facts(false, VerificationStatus.MATCH, false, true, false, false, false, false),
				defaults());
		assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
		assertThat(assessment.reasons()).containsExactly(RiskSignal.HOLDER_NOT_LEGAL_REPRESENTATIVE,
				RiskSignal.UNKNOWN_BANK, RiskSignal.UNFAMILIAR_ADDRESS);
	}

	@Test
	void the_weights_are_configuration_not_code() {
		var properties = defaults();
		properties.signalLevels().put(RiskSignal.UNFAMILIAR_ADDRESS, RiskLevel.HIGH);
		var assessment = RiskAssessor.assess(new Facts(true, VerificationStatus.MATCH, true, true, false, false, false, false),
				properties);
		assertThat(assessment.level()).isEqualTo(RiskLevel.HIGH);
	}
}
