package io.philia.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.philia.platform.Money;
import io.philia.program.EarningRate.Rounding;

class EarningRateTest {

	final EarningRate tenPerFifteen = new EarningRate(10, Money.of("15.00", "EUR"), Rounding.STEPS);

	@Test
	void stepsCountOnlyWholeSteps() {
		assertThat(tenPerFifteen.pointsFor(27_400)).isEqualTo(180);
		assertThat(tenPerFifteen.pointsFor(1_499)).isZero();
		assertThat(tenPerFifteen.pointsFor(1_500)).isEqualTo(10);
	}

	@Test
	void proportionalCountsEveryCentRoundedDown() {
		var proportional = new EarningRate(10, Money.of("15.00", "EUR"), Rounding.PROPORTIONAL);

		assertThat(proportional.pointsFor(27_400)).isEqualTo(182);
		assertThat(proportional.pointsFor(149)).isZero();
		assertThat(proportional.pointsFor(150)).isEqualTo(1);
	}

	@Test
	void nothingIsEarnedOnZeroOrNegativeAmountsAndHugeOrdersDoNotOverflow() {
		var proportional = new EarningRate(1_000_000, Money.of("0.01", "EUR"), Rounding.PROPORTIONAL);

		assertThat(tenPerFifteen.pointsFor(0)).isZero();
		assertThat(tenPerFifteen.pointsFor(-500)).isZero();
		assertThatThrownBy(() -> proportional.pointsFor(Long.MAX_VALUE / 2)).isInstanceOf(ArithmeticException.class);
		assertThat(proportional.pointsFor(100_000_000)).isEqualTo(100_000_000_000_000L);
	}
}
