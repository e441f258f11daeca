package com.settledesk.settlementaccount.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.settledesk.settlementaccount.CardType;

class CsvCardBinDirectoryUnitTests {

	private final CsvCardBinDirectory directory = new CsvCardBinDirectory();

	@Test
	void an_icbc_debit_card_is_recognised_from_its_first_six_digits() {
		var bin = directory.lookup("6222024000123456788").orElseThrow();
		assertThat(bin.bankCode()).isEqualTo("ICBC");
		assertThat(bin.bankName()).isEqualTo("中国工商银行");
		assertThat(bin.cardType()).isEqualTo(CardType.DEBIT);
		assertThat(bin.length()).isEqualTo(19);
	}

	@Test
	void the_longest_matching_prefix_wins_over_a_shorter_one() {
		// "303" is a 3-digit CEB prefix; a longer prefix of the same digits must take precedence where listed.
		assertThat(directory.lookup("3031234567890123").orElseThrow().bin()).isEqualTo("303");
		var longest = directory.lookup("356390" + "0000000000").orElseThrow();
		assertThat(longest.bin()).isEqualTo("356390");
		assertThat(longest.cardType()).isEqualTo(CardType.CREDIT);
	}

	@Test
	void unknown_prefixes_and_non_digits_find_nothing() {
		assertThat(directory.lookup("0000000000000")).isEmpty();
		assertThat(directory.lookup("6222-02")).isEmpty();
		assertThat(directory.lookup("62")).isEmpty();
	}

	@Test
	void bank_names_come_from_the_name_table() {
		assertThat(directory.bankName("CMB")).contains("招商银行");
		assertThat(directory.bankName("NOPE")).isEmpty();
	}
}
