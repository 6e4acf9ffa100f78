package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

	@Test
	void amountsAreKeptInMinorUnitsOfTheirCurrency() {
		assertThat(Money.of("274.00", "EUR").minor()).isEqualTo(27_400);
		assertThat(Money.of("274", "EUR").minor()).isEqualTo(27_400);
		assertThat(Money.of("1500", "JPY").minor()).isEqualTo(1_500);
		assertThat(Money.of("1.234", "BHD").minor()).isEqualTo(1_234);
		assertThat(Money.ofMinor(27_400, "EUR").amount()).isEqualTo("274.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.234", "abc", "", "1e3", "1,50", "+3", "1.", ".5", "9999999999999999" })
	void malformedOrTooPreciseAmountsAreRefused(String amount) {
		assertThatThrownBy(() -> Money.of(amount, "EUR")).isInstanceOf(IllegalArgumentException.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "XYZ", "eur", "EURO", "" })
	void unknownCurrenciesAreRefused(String code) {
		assertThatThrownBy(() -> Money.of("1.00", code)).isInstanceOf(IllegalArgumentException.class);
	}
}
