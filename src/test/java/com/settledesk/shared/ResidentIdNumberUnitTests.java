package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumberUnitTests {

	private static final long SEED = 11643L;

	@ParameterizedTest
	@ValueSource(strings = { "110101199003070011", "310104198511200021", "11010519491231002X" })
	void numbers_with_the_right_check_character_are_valid(String id) {
		assertThat(ResidentIdNumber.isValid(id)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "110101199003070012", "11010119900307001", "1101011990030700111", "110101199013070011",
			"11010119900307001x", "010101199003070011", "" })
	void a_wrong_check_character_date_length_or_shape_is_invalid(String id) {
		assertThat(ResidentIdNumber.isValid(id)).isFalse();
	}

	@RepeatedTest(300)
	void property_a_generated_number_is_valid_and_any_single_digit_change_makes_it_invalid(RepetitionInfo repetition) {
		long seed = SEED + repetition.getCurrentRepetition();
		Random random = new Random(seed);
		LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000));
		String first17 = (100000 + random.nextInt(800000)) + birth.toString().replace("-", "")
				+ String.format("%03d", random.nextInt(1000));
		String id = first17 + ResidentIdNumber.checkCharacter(first17);
		assertThat(ResidentIdNumber.isValid(id)).as("seed %d: %s", seed, id).isTrue();

		int position = 14 + random.nextInt(3);
		char original = id.charAt(position);
		char replaced = (char) ('0' + ((original - '0' + 1 + random.nextInt(9)) % 10));
		String changed = id.substring(0, position) + replaced + id.substring(position + 1);
		assertThat(ResidentIdNumber.isValid(changed)).as("seed %d: %s", seed, changed).isFalse();
	}
}
