package io.philia.rule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.philia.platform.Money;

/**
 * The explanations write amounts and multiply points without BigDecimal (issue #5): over many seeded
 * random values they must read and count exactly as Money and BigDecimal do. A failure prints the seed.
 */
class ExplanationNumbersTest {

	static final List<Currency> CURRENCIES = List.of(Currency.getInstance("EUR"), Currency.getInstance("JPY"),
			Currency.getInstance("BHD"), Currency.getInstance("XXX"));

	@Test
	void amountsReadAsMoneyWritesThem() {
		long seed = new Random().nextLong();
		var random = new Random(seed);
		for (int i = 0; i < 20_000; i++) {
			long minor = switch (i % 4) {
				case 0 -> random.nextInt(2_000) - 1_000;
				case 1 -> random.nextLong();
				case 2 -> List.of(0L, 1L, -1L, 9L, 10L, 99L, 100L, 1000L, Long.MAX_VALUE, Long.MIN_VALUE).get(i / 4 % 10);
				default -> random.nextInt(100_000_000);
			};
			var currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));

			String written = MoneyText.append(new StringBuilder(), minor, currency).toString();

			assertThat(written).as("seed %d", seed).isEqualTo(new Money(minor, currency).toString());
		}
	}

	@Test
	void aMultiplierAddsWhatBigDecimalWouldGive() {
		long seed = new Random().nextLong();
		var random = new Random(seed);
		List<String> factors = List.of("2", "1.5", "3", "1.25", "1.333", "0.5", "10", "1.000001", "1E+2", "2.50");
		for (int i = 0; i < 20_000; i++) {
			String factor = i % 3 == 0 ? factors.get(random.nextInt(factors.size()))
					: BigDecimal.valueOf(random.nextInt(100_000), random.nextInt(6)).toPlainString();
			long points = i % 5 == 0 ? random.nextLong() : random.nextInt(1_000_000) - 1_000;
			var extra = new BigDecimal(factor).subtract(BigDecimal.ONE);

			Object expected;
			try {
				expected = new BigDecimal(points).multiply(extra).setScale(0, RoundingMode.DOWN).longValueExact();
			}
			catch (ArithmeticException e) {
				expected = e.getMessage();
			}
			Object given;
			try {
				given = CompiledRule.Factor.of(factor).extraOn(points);
			}
			catch (ArithmeticException e) {
				given = e.getMessage();
			}

			assertThat(given).as("seed %d: ×%s on %d", seed, factor, points).isEqualTo(expected);
		}
	}
}
