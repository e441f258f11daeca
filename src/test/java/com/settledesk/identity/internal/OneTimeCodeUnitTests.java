package com.settledesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class OneTimeCodeUnitTests {

	private static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");

	private static OneTimeCode code() {
		return new OneTimeCode(UUID.randomUUID(), "right", T0.plusSeconds(300), 0, null);
	}

	@Test
	void the_right_code_is_accepted_once() {
		OneTimeCode otp = code();
		assertThat(otp.attempt("right", T0.plusSeconds(10))).isTrue();
		assertThat(otp.attempt("right", T0.plusSeconds(11))).isFalse();
	}

	@Test
	void a_code_expires_after_five_minutes() {
		assertThat(code().attempt("right", T0.plusSeconds(300))).isFalse();
		assertThat(code().attempt("right", T0.plusSeconds(299))).isTrue();
	}

	@Test
	void five_wrong_tries_burn_the_code() {
		OneTimeCode otp = code();
		for (int i = 0; i < 5; i++) {
			assertThat(otp.attempt("wrong", T0)).isFalse();
		}
		assertThat(otp.failedTries()).isEqualTo(5);
		assertThat(otp.attempt("right", T0)).isFalse();
	}

	@Test
	void four_wrong_tries_still_leave_the_right_one() {
		OneTimeCode otp = code();
		for (int i = 0; i < 4; i++) {
			otp.attempt("wrong", T0);
		}
		assertThat(otp.attempt("right", T0)).isTrue();
	}
}
