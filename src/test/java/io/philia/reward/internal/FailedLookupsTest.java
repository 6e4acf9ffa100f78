package io.philia.reward.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.philia.platform.Throttled;
import io.philia.reward.RewardSettings;

/**
 * Failed code look-ups: a customer is limited on their own failures, and a store out of allowance
 * (guessing spread over many addresses) keeps answering customers with a clean record, one try each.
 */
class FailedLookupsTest {

	private Instant now = Instant.parse("2026-12-01T10:00:00Z");

	private final FailedLookups lookups = new FailedLookups(new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}, new RewardSettings(null, null, 20, 3, Duration.ofMinutes(10), null));

	@Test
	void aCustomerIsLimitedOnTheirOwnFailures() {
		fail("ip:a", 3);

		assertRefused("ip:a");
		assertAnswered("ip:b");
		now = now.plus(Duration.ofMinutes(4));
		assertAnswered("ip:a");
	}

	@Test
	void aStoreUnderAttackStillAnswersCustomersWithACleanRecordOneTryEach() {
		fail("ip:earlier", 1);
		for (int i = 0; i < 19; i++) {
			fail("ip:bot-" + i, 1);
		}

		assertAnswered("ip:fresh");
		assertAnswered("member:anne", "ip:fresh-2");
		assertRefused("ip:earlier");
		assertThatThrownBy(() -> lookups.check("store", List.of(), "en")).as("a look-up that names nobody")
			.isInstanceOf(Throttled.class);

		fail("ip:fresh", 1);
		assertRefused("ip:fresh");
		now = now.plus(Duration.ofMinutes(4));
		for (int i = 0; i < 8; i++) {
			// The attack goes on: what the store got back meanwhile is used up again.
			fail("ip:bot-more-" + i, 1);
		}
		assertRefused("ip:fresh");
		assertAnswered("ip:earlier");
	}

	private void fail(String customer, int times) {
		for (int i = 0; i < times; i++) {
			lookups.check("store", List.of(customer), "en");
			lookups.failed("store", List.of(customer));
		}
	}

	private void assertRefused(String... customer) {
		assertThatThrownBy(() -> lookups.check("store", List.of(customer), "en")).isInstanceOf(Throttled.class);
	}

	private void assertAnswered(String... customer) {
		assertThatCode(() -> lookups.check("store", List.of(customer), "en")).doesNotThrowAnyException();
	}
}
