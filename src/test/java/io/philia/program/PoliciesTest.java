package io.philia.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** The expiry and return-window policies' calendar arithmetic, in the programme's time zone. */
class PoliciesTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	@Test
	void pointsOnAFixedDateAreUsableUntilThatDayOfTheYearAfter() {
		var policy = new ExpiryPolicy("fixed-date", null, "12-31", 1);

		assertThat(policy.lastDay(LocalDate.of(2026, 5, 10))).isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(policy.lastDay(LocalDate.of(2026, 12, 31))).isEqualTo(LocalDate.of(2027, 12, 31));
		assertThat(new ExpiryPolicy("fixed-date", null, "06-30", 0).lastDay(LocalDate.of(2026, 7, 1)))
			.as("this year's day has passed: next year's").isEqualTo(LocalDate.of(2027, 6, 30));
	}

	@Test
	void aTwentyNinthOfFebruaryIsTheLastDayOfFebruaryInOtherYears() {
		var policy = new ExpiryPolicy("fixed-date", null, "02-29", 1);

		assertThat(policy.lastDay(LocalDate.of(2026, 1, 10))).isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(policy.lastDay(LocalDate.of(2027, 1, 10))).isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void pointsForMonthsAfterEarningEndOnTheSameDayOrTheMonthsLastDay() {
		var policy = new ExpiryPolicy("after-earning", 12, null, null);

		assertThat(policy.lastDay(LocalDate.of(2026, 3, 15))).isEqualTo(LocalDate.of(2027, 3, 15));
		assertThat(new ExpiryPolicy("after-earning", 1, null, null).lastDay(LocalDate.of(2026, 1, 31)))
			.isEqualTo(LocalDate.of(2026, 2, 28));
		assertThat(ExpiryPolicy.NONE.lastDay(LocalDate.of(2026, 3, 15))).isNull();
		assertThat(new ExpiryPolicy("inactivity", 24, null, null).lastDay(LocalDate.of(2026, 3, 15))).isNull();
	}

	@Test
	void pointsExpireAtTheMidnightEndingTheirLastDayInTheProgrammesZone() {
		assertThat(ExpiryPolicy.expiresAt(LocalDate.of(2027, 12, 31), PARIS))
			.isEqualTo(Instant.parse("2027-12-31T23:00:00Z"));
		assertThat(ExpiryPolicy.expiresAt(LocalDate.of(2027, 6, 30), PARIS))
			.as("summer time").isEqualTo(Instant.parse("2027-06-30T22:00:00Z"));
		assertThat(ExpiryPolicy.expiresAt(LocalDate.of(2027, 6, 30), ZoneId.of("Europe/Zurich")))
			.isEqualTo(Instant.parse("2027-06-30T22:00:00Z"));
	}

	@Test
	void aReturnWindowAcrossTheChangeToSummerTimeEndsAtTheSameLocalTime() {
		var window = new ReturnWindow(14, "paid");
		Instant paid = Instant.parse("2027-03-20T09:00:00Z");

		assertThat(window.closesAt(paid, PARIS)).isEqualTo(Instant.parse("2027-04-03T08:00:00Z"));
		assertThat(new ReturnWindow(14, null).countsFromFulfilment()).isFalse();
		assertThat(new ReturnWindow(0, "fulfilled").holds()).isFalse();
	}

	@Test
	void policiesThatCannotBeMeantAreRefused() {
		assertThatThrownBy(() -> new ExpiryPolicy("after-earning", 0, null, null)).hasMessageContaining("months");
		assertThatThrownBy(() -> new ExpiryPolicy("fixed-date", null, "13-01", 1)).hasMessageContaining("date");
		assertThatThrownBy(() -> new ExpiryPolicy("fixed-date", null, "02-30", 1)).hasMessageContaining("not a day");
		assertThatThrownBy(() -> new DebtPolicy("negative-balance", 0L)).hasMessageContaining("limit");
		assertThatThrownBy(() -> new ReturnWindow(366, "paid")).hasMessageContaining("days");
		assertThatThrownBy(() -> new ReturnWindow(14, "shipped")).hasMessageContaining("fulfilled");
		assertThatThrownBy(() -> new CostPerPoint("0.0000001", "EUR")).hasMessageContaining("6 places");
		assertThatThrownBy(() -> new TransferLimits(true, 0L, null, null)).hasMessageContaining("maxPoints");
	}
}
