package io.philia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class IdsTest {

	@Test
	void idsMadeInTheSameMillisecondSortInTheOrderTheyWereMade() {
		Clock frozen = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
		List<String> made = new ArrayList<>();
		for (int i = 0; i < 10_000; i++) {
			made.add(Ids.next(frozen));
		}
		assertThat(made).isSorted().doesNotHaveDuplicates();
		assertThat(made).allSatisfy(id -> {
			assertThat(Ids.isValid(id)).isTrue();
			assertThat(UUID.fromString(id).version()).isEqualTo(7);
		});
	}

	@Test
	void aClockSetBackNeverMakesAnIdSortBeforeAnEarlierOne() {
		String now = Ids.next(Clock.systemUTC());
		String anHourEarlier = Ids.next(Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
		assertThat(anHourEarlier).isGreaterThan(now);
	}

	@Test
	void onlyUuidsInTheirCanonicalFormAreValidIdsWhateverTheCaseOfTheirDigits() {
		var random = new java.util.Random(7);
		String alphabet = "0123456789abcdefABCDEFgG-xZ \u0661\uff21";
		for (int n = 0; n < 20_000; n++) {
			var id = new StringBuilder(UUID.randomUUID().toString());
			for (int changes = random.nextInt(3); changes > 0; changes--) {
				id.setCharAt(random.nextInt(36), alphabet.charAt(random.nextInt(alphabet.length())));
			}
			String text = random.nextInt(20) == 0 ? id.substring(1) : id.toString();

			assertThat(Ids.isValid(text)).as(text).isEqualTo(parsesAsItsCanonicalForm(text));
		}
		assertThat(Ids.isValid(null)).isFalse();
	}

	private static boolean parsesAsItsCanonicalForm(String text) {
		try {
			return text.length() == 36 && UUID.fromString(text).toString().equals(text.toLowerCase());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
