package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

class MaskingUnitTests {

	private static final long SEED = 20261125L;

	@Test
	void a_card_number_keeps_its_first_six_and_last_four_digits() {
		assertThat(Masking.maskAccountNumber("6222024000123456788")).isEqualTo("622202*********6788");
	}

	@Test
	void an_id_number_and_a_phone_are_masked() {
		assertThat(Masking.maskIdNumber("110101199003070011")).isEqualTo("110101********0011");
		assertThat(Masking.maskPhone("13800000001")).isEqualTo("138****0001");
	}

	@Test
	void a_value_too_short_to_keep_both_ends_is_masked_entirely() {
		assertThat(Masking.maskAccountNumber("123456789")).isEqualTo("*********");
	}

	@Test
	void numbers_inside_free_text_are_masked_but_short_numbers_are_kept() {
		assertThat(Masking.maskSensitiveNumbers("card 6222024000123456788, id 11010119900307001X, amount 12345"))
			.isEqualTo("card 622202*********6788, id 110101********001X, amount 12345");
	}

	@RepeatedTest(200)
	void property_a_masked_number_has_its_length_its_ends_and_hides_the_middle(RepetitionInfo repetition) {
		Random random = new Random(SEED + repetition.getCurrentRepetition());
		int length = 16 + random.nextInt(4);
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < length; i++) {
			digits.append(random.nextInt(10));
		}
		String number = digits.toString();
		String masked = Masking.maskAccountNumber(number);
		String context = "seed " + (SEED + repetition.getCurrentRepetition()) + ": " + number;
		assertThat(masked).as(context).hasSize(length);
		assertThat(masked).as(context).startsWith(number.substring(0, 6)).endsWith(number.substring(length - 4));
		assertThat(masked.substring(6, length - 4)).as(context).matches("\\*+");
		assertThat(Masking.maskSensitiveNumbers("x " + number + " y")).as(context).doesNotContain(number);
	}
}
