package io.philia.program;

import java.math.BigInteger;

import io.philia.platform.Money;

/**
 * A store's default earning: {@code points} for every {@code per} of order value. In steps, only whole
 * steps count (274.00 at 10 per 15.00 earns floor(274/15) * 10 = 180); proportional earns for every cent,
 * rounded down (182).
 */
public record EarningRate(long points, Money per, Rounding rounding) {

	public enum Rounding {
		STEPS, PROPORTIONAL
	}

	public EarningRate {
		if (points < 0) {
			throw new IllegalArgumentException("points must not be negative");
		}
		if (per.minor() <= 0) {
			throw new IllegalArgumentException("per must be a positive amount");
		}
	}

	/** The rate as the API writes it. */
	public NewStore.EarningTerms terms() {
		return new NewStore.EarningTerms(points, per.amount(), rounding.name().toLowerCase(java.util.Locale.ROOT));
	}

	/** Points earned for an amount in the rate's currency; never negative. */
	public long pointsFor(long minorAmount) {
		if (minorAmount <= 0) {
			return 0;
		}
		return switch (rounding) {
			case STEPS -> Math.multiplyExact(minorAmount / per.minor(), points);
			// BigInteger: amount * points can overflow a long on very large orders.
			case PROPORTIONAL -> BigInteger.valueOf(minorAmount)
				.multiply(BigInteger.valueOf(points))
				.divide(BigInteger.valueOf(per.minor()))
				.longValueExact();
		};
	}
}
