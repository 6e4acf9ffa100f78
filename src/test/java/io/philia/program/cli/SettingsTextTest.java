package io.philia.program.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.philia.platform.Money;
import io.philia.program.EarningRate;
import io.philia.program.ReturnWindow;

/** What {@code ./philia admin list} says of a store's earning and return window. */
class SettingsTextTest {

	@Test
	void aStoresRateAndWindowReadAsTheShopWouldSayThem() {
		assertThat(SettingsText.earning(new EarningRate(10, Money.of("15.00", "EUR"), EarningRate.Rounding.STEPS)))
			.isEqualTo("10 points per 15.00 EUR, in whole steps");
		assertThat(SettingsText.earning(new EarningRate(1, Money.of("1.00", "CHF"), EarningRate.Rounding.PROPORTIONAL)))
			.isEqualTo("1 points per 1.00 CHF, proportional");
		assertThat(SettingsText.window(new ReturnWindow(14, "fulfilled", 60)))
			.isEqualTo("14 days after fulfilled (at the latest 60 days after paid)");
		assertThat(SettingsText.window(new ReturnWindow(0, "paid"))).isEqualTo("none");
	}
}
