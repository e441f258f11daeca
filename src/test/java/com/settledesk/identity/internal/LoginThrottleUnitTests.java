package com.settledesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LoginThrottleUnitTests {

	private static final LoginThrottle.Policy POLICY = new LoginThrottle.Policy(5, Duration.ofMinutes(15),
			Duration.ofMinutes(15));
	private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

	@Test
	void five_failures_within_fifteen_minutes_lock_for_fifteen_minutes() {
		LoginThrottle throttle = LoginThrottle.fresh("13800000001");
		for (int i = 0; i < 4; i++) {
			assertThat(throttle.recordFailure(T0.plus(Duration.ofMinutes(3L * i)), POLICY)).isFalse();
		}
		Instant fifth = T0.plus(Duration.ofMinutes(14));
		assertThat(throttle.recordFailure(fifth, POLICY)).isTrue();
		assertThat(throttle.isLocked(fifth.plus(Duration.ofMinutes(14)))).isTrue();
		assertThat(throttle.isLocked(fifth.plus(Duration.ofMinutes(15)))).isFalse();
	}

	@Test
	void failures_spread_over_more_than_the_window_do_not_lock() {
		LoginThrottle throttle = LoginThrottle.fresh("someone");
		for (int i = 0; i < 10; i++) {
			assertThat(throttle.recordFailure(T0.plus(Duration.ofMinutes(4L * i)), POLICY)).as("failure %d", i).isFalse();
		}
		assertThat(throttle.isLocked(T0.plus(Duration.ofMinutes(40)))).isFalse();
	}

	@Test
	void a_success_clears_the_count() {
		LoginThrottle throttle = LoginThrottle.fresh("someone");
		for (int i = 0; i < 4; i++) {
			throttle.recordFailure(T0, POLICY);
		}
		throttle.recordSuccess();
		assertThat(throttle.recordFailure(T0, POLICY)).isFalse();
		assertThat(throttle.failures()).isEqualTo(1);
	}

	@Test
	void after_a_lock_expires_it_takes_five_new_failures_to_lock_again() {
		LoginThrottle throttle = LoginThrottle.fresh("someone");
		for (int i = 0; i < 5; i++) {
			throttle.recordFailure(T0, POLICY);
		}
		Instant later = T0.plus(Duration.ofMinutes(16));
		assertThat(throttle.isLocked(later)).isFalse();
		for (int i = 0; i < 4; i++) {
			assertThat(throttle.recordFailure(later, POLICY)).isFalse();
		}
		assertThat(throttle.recordFailure(later, POLICY)).isTrue();
	}
}
