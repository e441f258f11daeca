package com.settledesk.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of CNY in integer fen (分). Never a floating-point number: 12345 fen is 123.45 yuan.
 */
public record Money(long fen) implements Comparable<Money> {

	public static final Money ZERO = new Money(0);

	public static Money ofFen(long fen) {
		return new Money(fen);
	}

	/** Parses a yuan amount with at most two decimals ("123.45"); more precision is refused, not rounded. */
	public static Money ofYuan(String yuan) {
		BigDecimal value = new BigDecimal(yuan);
		try {
			return new Money(value.movePointRight(2).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
		}
		catch (ArithmeticException e) {
			throw new IllegalArgumentException("An amount in yuan has at most two decimals: " + yuan, e);
		}
	}

	public Money plus(Money other) {
		return new Money(Math.addExact(fen, other.fen));
	}

	public Money minus(Money other) {
		return new Money(Math.subtractExact(fen, other.fen));
	}

	public Money negate() {
		return new Money(Math.negateExact(fen));
	}

	public boolean isPositive() {
		return fen > 0;
	}

	public boolean isNegative() {
		return fen < 0;
	}

	/** This amount times a rate given in basis points of a percent (1 bp = 0.01%), rounded half-up to the fen. */
	public Money timesBasisPoints(long basisPoints) {
		BigDecimal product = BigDecimal.valueOf(fen).multiply(BigDecimal.valueOf(basisPoints))
			.divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP);
		return new Money(product.longValueExact());
	}

	public Money min(Money other) {
		return fen <= other.fen ? this : other;
	}

	/** Yuan with two decimals, e.g. "1234.50". */
	public String toYuanString() {
		return BigDecimal.valueOf(fen, 2).toPlainString();
	}

	/**
	 * As a person reads it on a page, the same in Chinese and English: "¥12,464.46", and "-¥23.50" for money going
	 * out (the sign before the currency, as banks print it). Long.MIN_VALUE fen is still written, never an error.
	 */
	public String formatted() {
		BigDecimal yuan = BigDecimal.valueOf(fen, 2).abs();
		return (fen < 0 ? "-¥" : "¥") + String.format(java.util.Locale.ROOT, "%,.2f", yuan);
	}

	@Override
	public int compareTo(Money other) {
		return Long.compare(fen, other.fen);
	}

	@Override
	public String toString() {
		return "CNY " + toYuanString();
	}
}
