package com.settledesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MoneyUnitTests {

	@Test
	void yuan_with_two_decimals_is_read_exactly_as_fen() {
		assertThat(Money.ofYuan("123.45")).isEqualTo(Money.ofFen(12345));
		assertThat(Money.ofYuan("0.01").fen()).isEqualTo(1);
		assertThat(Money.ofFen(123450).toYuanString()).isEqualTo("1234.50");
	}

	@Test
	void yuan_with_more_than_two_decimals_is_refused_not_rounded() {
		assertThatThrownBy(() -> Money.ofYuan("1.005")).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest(name = "{0} fen at {1} bp = {2} fen")
	@CsvSource({
			"500000, 50, 2500",   // 5,000 yuan debit at 0.50% = 25 yuan (before any cap)
			"1000, 38, 4",        // 10 yuan QR at 0.38% = 3.8 fen → 4 (half-up)
			"1250, 60, 8",        // 7.5 fen → 8 (half-up)
			"1249, 60, 7",        // 7.494 fen → 7
			"1, 50, 0" })
	void a_rate_in_basis_points_rounds_half_up_to_the_fen(long fen, long bp, long expected) {
		assertThat(Money.ofFen(fen).timesBasisPoints(bp)).isEqualTo(Money.ofFen(expected));
	}

	@Test
	void arithmetic_overflow_fails_instead_of_wrapping() {
		assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void min_and_comparison_follow_the_amounts() {
		assertThat(Money.ofFen(2000).min(Money.ofFen(2500))).isEqualTo(Money.ofFen(2000));
		assertThat(Money.ofFen(-1).isNegative()).isTrue();
		assertThat(Money.ofFen(3).minus(Money.ofFen(5))).isEqualTo(Money.ofFen(-2));
	}

	@Test
	void a_page_shows_yuan_with_thousands_separators_and_the_sign_before_the_currency() {
		assertThat(Money.ofFen(1246446).formatted()).isEqualTo("¥12,464.46");
		assertThat(Money.ofFen(-2350).formatted()).isEqualTo("-¥23.50");
		assertThat(Money.ofFen(0).formatted()).isEqualTo("¥0.00");
		assertThat(Money.ofFen(5).formatted()).isEqualTo("¥0.05");
		assertThat(Money.ofFen(123456789012L).formatted()).isEqualTo("¥1,234,567,890.12");
		assertThat(Money.ofFen(Long.MIN_VALUE).formatted()).isEqualTo("-¥92,233,720,368,547,758.08");
	}
}
