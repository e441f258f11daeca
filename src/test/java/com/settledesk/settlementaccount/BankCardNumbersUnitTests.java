package com.settledesk.settlementaccount;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankCardNumbersUnitTests {

	private static final long SEED = 5_0000_1234L;

	@ParameterizedTest
	@ValueSource(strings = { "6222024000123456788", "4111111111111111", "6222024000777888997" })
	void known_good_numbers_pass_the_luhn_check(String number) {
		assertThat(BankCardNumbers.luhnValid(number)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "6222024000123456789", "4111111111111112", "", "62220240001234567a8" })
	void a_wrong_check_digit_or_a_non_digit_fails(String number) {
		assertThat(BankCardNumbers.luhnValid(number)).isFalse();
	}

	@RepeatedTest(300)
	void property_every_single_digit_error_and_adjacent_swap_is_caught(RepetitionInfo repetition) {
		long seed = SEED + repetition.getCurrentRepetition();
		Random random = new Random(seed);
		int length = 16 + random.nextInt(4);
		StringBuilder body = new StringBuilder("62");
		while (body.length() < length - 1) {
			body.append(random.nextInt(10));
		}
		String number = body.toString() + BankCardNumbers.luhnCheckDigit(body.toString());
		assertThat(BankCardNumbers.luhnValid(number)).as("seed %d: %s", seed, number).isTrue();

		int position = random.nextInt(length);
		char original = number.charAt(position);
		char changed = (char) ('0' + (original - '0' + 1 + random.nextInt(9)) % 10);
		String typo = number.substring(0, position) + changed + number.substring(position + 1);
		assertThat(BankCardNumbers.luhnValid(typo)).as("seed %d: %s", seed, typo).isFalse();

		int swap = random.nextInt(length - 1);
		char a = number.charAt(swap);
		char b = number.charAt(swap + 1);
		boolean detectable = a != b && !((a == '0' && b == '9') || (a == '9' && b == '0'));
		if (detectable) {
			String swapped = number.substring(0, swap) + b + a + number.substring(swap + 2);
			assertThat(BankCardNumbers.luhnValid(swapped)).as("seed %d: %s", seed, swapped).isFalse();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "6222 0240 0012 3456 788", "6222-0240-0012-3456-788" })
	void spaces_and_dashes_people_type_are_removed(String typed) {
		assertThat(BankCardNumbers.normalize(typed)).isEqualTo("6222024000123456788");
	}
}
