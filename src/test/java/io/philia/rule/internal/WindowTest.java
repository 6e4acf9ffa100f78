package io.philia.rule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.philia.rule.RuleDefinition.Hours;
import io.philia.rule.RuleDefinition.Validity;

class WindowTest {

	static ZonedDateTime paris(String local) {
		return ZonedDateTime.parse(local + "+01:00[Europe/Paris]");
	}

	@Test
	void hoursThatEndBeforeTheyStartRunPastMidnight() {
		var night = Window.of(new Validity(null, null, null, new Hours("22:00", "02:00")));

		assertThat(night.outside(paris("2026-11-20T23:30:00"))).isNull();
		assertThat(night.outside(paris("2026-11-21T01:59:00"))).isNull();
		assertThat(night.outside(paris("2026-11-21T02:00:00"))).isEqualTo("in force from 22:00 to 02:00 only");
		assertThat(night.outside(paris("2026-11-21T12:00:00"))).isNotNull();
	}

	@Test
	void datesAreInclusiveAndDaysOfWeekAreNamed() {
		var weekendsInDecember = Window.of(new Validity("2026-12-01", "2026-12-31", List.of("Saturday", "sunday"), null));

		assertThat(weekendsInDecember.outside(paris("2026-12-05T10:00:00"))).isNull();
		assertThat(weekendsInDecember.outside(paris("2026-12-31T10:00:00"))).isEqualTo("not in force on thursday");
		assertThat(weekendsInDecember.outside(paris("2027-01-02T10:00:00"))).isEqualTo("not in force after 2026-12-31");
		assertThat(weekendsInDecember.outside(paris("2026-11-28T10:00:00")))
			.isEqualTo("not in force before 2026-12-01");
	}
}
