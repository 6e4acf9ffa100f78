package io.philia.rule.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.philia.platform.Money;
import io.philia.rule.EarningContext;
import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleOutcome;

/**
 * Over thousands of seeded random sequences of orders: what an event earns is the sum of its rules'
 * parts, no rule ever gives more than its limits allow, a once-only rule gives once, and a programme
 * without rules earns exactly the store's rate. A failure prints the seed to replay it.
 */
class RuleLimitsPropertyTest {

	static final long DAILY = 700;

	static final long BUDGET = 5000;

	@Test
	void rulesNeverGiveMoreThanTheirLimits() {
		long base = new Random().nextLong();
		for (int run = 0; run < 2000; run++) {
			long seed = base + run;
			try {
				sequence(new Random(seed));
			}
			catch (AssertionError e) {
				throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
			}
		}
	}

	private static void sequence(Random random) {
		var rules = Given.rules(
				new RuleDefinition("Daily", null, "order.paid", "order.total >= 20", Given.fixed(1 + random.nextInt(400)),
						new Limits(null, DAILY, null, null, null), null, null, null),
				new RuleDefinition("Budgeted", null, "order.paid", null, Given.perAmount(1 + random.nextInt(20), "10.00", null),
						new Limits(250L, null, null, BUDGET, null), null, 2000, null),
				new RuleDefinition("Once", null, "order.paid", null, Given.fixed(100),
						new Limits(null, null, null, null, true), null, null, null),
				new RuleDefinition("Double", null, "order.paid", null, Given.multiplier("2", null), null, null, 1, null));
		var usage = new Given.MemoryUsage();
		Map<String, Long> perDay = new HashMap<>();
		long budgeted = 0;
		long once = 0;
		Instant at = Instant.parse("2026-11-01T08:00:00Z");
		for (int i = 0; i < 1 + random.nextInt(30); i++) {
			at = at.plusSeconds(random.nextInt(3 * 3600));
			long minor = random.nextInt(50_000);
			var context = new EarningContext("programme-1", Given.STORE, "order.paid", "e" + i, at, null,
					Given.member("member-" + random.nextInt(3), (LocalDate) null),
					new EarningContext.Order("o" + i, Money.ofMinor(minor, "EUR"), List.of()));

			var result = Evaluator.evaluate(rules, Given.STORE.earning(), Given.facts(context), usage);
			usage.add(result.uses());

			assertThat(result.points()).isEqualTo(result.outcomes().stream().mapToLong(RuleOutcome::points).sum());
			for (RuleOutcome outcome : result.outcomes()) {
				switch (outcome.rule()) {
					case "Daily" -> perDay.merge(context.member().id() + at.atZone(Given.PARIS).toLocalDate(),
							outcome.points(), Long::sum);
					case "Budgeted" -> {
						assertThat(outcome.points()).isLessThanOrEqualTo(250);
						budgeted += outcome.points();
					}
					case "Once" -> once += outcome.applied() ? 1 : 0;
					default -> {
					}
				}
			}
		}
		assertThat(perDay.values()).allMatch(points -> points <= DAILY);
		assertThat(budgeted).isLessThanOrEqualTo(BUDGET);
		assertThat(once).isLessThanOrEqualTo(3);
	}

	@Test
	void withoutRulesEveryOrderEarnsExactlyTheStoreRate() {
		long seed = new Random().nextLong();
		var random = new Random(seed);
		for (int i = 0; i < 5000; i++) {
			long minor = random.nextLong(0, 100_000_000_000L);
			var context = new EarningContext("programme-1", Given.STORE, "order.paid", "e", Instant.EPOCH, null,
					Given.member("member-1", null), new EarningContext.Order("o", Money.ofMinor(minor, "EUR"), List.of()));

			var result = Evaluator.evaluate(List.of(), Given.STORE.earning(), Given.facts(context),
					new Given.MemoryUsage());

			assertThat(result.points()).as("seed %d, %d minor units", seed, minor)
				.isEqualTo(Given.STORE.earning().pointsFor(minor));
		}
	}
}
