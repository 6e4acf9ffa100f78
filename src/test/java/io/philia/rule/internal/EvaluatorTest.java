package io.philia.rule.internal;

import static io.philia.rule.internal.Given.fixed;
import static io.philia.rule.internal.Given.line;
import static io.philia.rule.internal.Given.multiplier;
import static io.philia.rule.internal.Given.order;
import static io.philia.rule.internal.Given.perAmount;
import static io.philia.rule.internal.Given.rule;
import static io.philia.rule.internal.Given.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.philia.rule.PurchaseHistory.PastOrder;
import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Lines;
import io.philia.rule.RuleOutcome;

class EvaluatorTest {

	static final String SUNDAY = "2026-11-22T10:00:00Z";

	@Test
	void withoutRulesAnOrderEarnsTheStoreRate() {
		var result = Evaluator.evaluate(List.of(), Given.STORE.earning(), Given.facts(order(SUNDAY, "274.00")),
				new Given.MemoryUsage());

		assertThat(result.points()).isEqualTo(180);
		assertThat(result.outcomes()).extracting(RuleOutcome::rule).containsExactly("Store rate");
		assertThat(result.attributions()).singleElement().satisfies(a -> assertThat(a.ruleId()).isNull());
	}

	@Test
	void multipliersAddUpOnThePointsOfTheRulesBeforeThem() {
		var rules = rules(rule("Bonus", null, fixed(20)), withPriority(rule("×2", null, multiplier("2", null)), 10),
				withPriority(rule("×1.5", null, multiplier("1.5", null)), 5));

		var result = Evaluator.evaluate(rules, Given.STORE.earning(), Given.facts(order(SUNDAY, "274.00")),
				new Given.MemoryUsage());

		// 180 + 20 = 200, then +200 (×2) and +100 (×1.5) of those same 200.
		assertThat(result.points()).isEqualTo(500);
	}

	@Test
	void aMultiplierOnSomeLinesMultipliesThePointsEarnedOnThemNotTheFixedBonuses() {
		var context = order(SUNDAY, "334.00", line("W-1", "wine", 2, "137.00"), line("C-1", "cheese", 3, "20.00"));
		var rules = rules(rule("Bonus", null, fixed(500)),
				withPriority(rule("Wine ×3", null, multiplier("3", new Lines(null, List.of("wine"), null))), 20));

		var result = Evaluator.evaluate(rules, Given.STORE.earning(), Given.facts(context), new Given.MemoryUsage());

		// 334.00 earns 220, 180 of them on the wine's 274.00: +360; the 500 bonus is not the wine's.
		assertThat(result.points()).isEqualTo(220 + 500 + 360);
		assertThat(result.outcomes().get(2).reason())
			.isEqualTo("×3 on 180 points earned on 274.00 EUR of lines with category wine");
	}

	@Test
	void aRuleEarningOnTheWholeOrderBeforeTheStoreRateReplacesIt() {
		var gold = withPriority(rule("Gold rate", "member.firstName == 'Anne'", perAmount(15, "15.00", null)), 2000);

		var result = Evaluator.evaluate(rules(gold), Given.STORE.earning(), Given.facts(order(SUNDAY, "274.00")),
				new Given.MemoryUsage());

		assertThat(result.points()).isEqualTo(270);
		assertThat(result.outcomes().get(1).outcome()).isEqualTo(RuleOutcome.SKIPPED);
		assertThat(result.outcomes().get(1).reason()).contains("replaced by the rule \"Gold rate\"");
	}

	@Test
	void perAmountOnSomeLinesCountsTheirShareOfADiscountedOrder() {
		// Lines worth 300.00 sold for 150.00: the wine's 200.00 of lines is 100.00 of what was paid.
		var context = order(SUNDAY, "150.00", line("W-1", "wine", 2, "100.00"), line("C-1", "cheese", 1, "100.00"));
		var wine = rule("Wine points", null, perAmount(1, "1.00", new Lines(null, List.of("wine"), null)));

		var result = Evaluator.evaluate(rules(wine), null, Given.facts(context), new Given.MemoryUsage());

		assertThat(result.points()).isEqualTo(100);
	}

	@Test
	void perUnitCountsTheUnitsOfTheChosenLines() {
		var context = order(SUNDAY, "100.00", line("W-1", "wine", 3, "20.00"), line("W-2", "wine", 1, "40.00"));
		var perBottle = rule("Per bottle of W-1", null,
				new RuleDefinition.Effect("perUnit", 25L, null, null, null, null, new Lines(List.of("W-1"), null, null),
						null));

		var result = Evaluator.evaluate(rules(perBottle), null, Given.facts(context), new Given.MemoryUsage());

		assertThat(result.points()).isEqualTo(75);
	}

	@Test
	void aMonthlyLimitCountsAcrossTheMonthInTheProgrammesTimeZone() {
		var monthly = new RuleDefinition("Monthly", null, "order.paid", null, fixed(300),
				new RuleDefinition.Limits(null, null, 500L, null, null), null, null, null);
		var usage = new Given.MemoryUsage();
		var rules = rules(monthly);

		var first = Evaluator.evaluate(rules, null, Given.facts(order("2026-11-02T10:00:00Z", "10.00")), usage);
		usage.add(first.uses());
		var second = Evaluator.evaluate(rules, null, Given.facts(order("2026-11-30T22:00:00Z", "10.00")), usage);
		usage.add(second.uses());
		// 23:30 UTC on 30 November is 1 December in Paris: a new month.
		var third = Evaluator.evaluate(rules, null, Given.facts(order("2026-11-30T23:30:00Z", "10.00")), usage);

		assertThat(first.points()).isEqualTo(300);
		assertThat(second.points()).isEqualTo(200);
		assertThat(third.points()).isEqualTo(300);
	}

	@Test
	void aFailingRuleGivesNothingAndTheNextRulesStillRun() {
		var rules = rules(rule("Broken", "1 / (order.lineCount - 1) == 1", fixed(1000)), rule("Bonus", null, fixed(5)));

		var result = Evaluator.evaluate(rules, null, Given.facts(order(SUNDAY, "10.00", line("A", null, 1, "10.00"))),
				new Given.MemoryUsage());

		assertThat(result.points()).isEqualTo(5);
		assertThat(result.outcomes()).extracting(RuleOutcome::outcome)
			.containsExactly(RuleOutcome.FAILED, RuleOutcome.APPLIED);
		assertThat(result.outcomes().get(0).reason()).contains("by zero");
	}

	@Test
	void memberFiguresComeFromTheirPastOrdersInTheProgrammesTimeZone() {
		var context = order("2026-11-01T00:30:00Z", "10.00");
		var past = new PastOrder[] { new PastOrder(Instant.parse("2026-10-31T23:30:00Z"), "EUR", 5000),
				new PastOrder(Instant.parse("2026-09-15T10:00:00Z"), "EUR", 1000) };

		var member = (java.util.Map<?, ?>) Given.facts(context, past).variables().get("member");

		// 23:30 UTC on 31 October is already 1 November in Paris: same day, same month as this order.
		assertThat(member.get("orderCount")).isEqualTo(2L);
		assertThat(member.get("totalSpent")).isEqualTo(60.0);
		assertThat(member.get("daysSinceLastOrder")).isEqualTo(0L);
		assertThat(member.get("ordersThisMonth")).isEqualTo(1L);
		assertThat(member.get("streakMonths")).isEqualTo(1L);
	}

	@Test
	void theMembersPastOrdersAreReadOnlyWhenARuleLooksAtThem() {
		var reads = new java.util.concurrent.atomic.AtomicInteger();
		var context = order(SUNDAY, "274.00");
		java.util.function.Supplier<List<PastOrder>> history = () -> {
			reads.incrementAndGet();
			return List.of();
		};

		Evaluator.evaluate(rules(rule("Big", "order.total >= 150.0", fixed(5))), null,
				new Facts(context, Given.PARIS, history), new Given.MemoryUsage());
		Evaluator.evaluate(rules(rule("First", "member.orderCount == 0", fixed(5)), rule("Any", "member.streakMonths > 0",
				fixed(5))), null, new Facts(context, Given.PARIS, history), new Given.MemoryUsage());

		assertThat(reads).hasValue(1);
	}

	@Test
	void aPerOrderCapAndABudgetCapWhatARuleGives() {
		var capped = new RuleDefinition("Capped", null, "order.paid", null, fixed(500),
				new RuleDefinition.Limits(300L, null, null, 400L, null), null, null, null);
		var usage = new Given.MemoryUsage();
		var rules = rules(capped);

		var first = Evaluator.evaluate(rules, null, Given.facts(order(SUNDAY, "10.00")), usage);
		usage.add(first.uses());
		var second = Evaluator.evaluate(rules, null, Given.facts(order(SUNDAY, "10.00")), usage);
		usage.add(second.uses());
		var third = Evaluator.evaluate(rules, null, Given.facts(order(SUNDAY, "10.00")), usage);

		assertThat(first.points()).isEqualTo(300);
		assertThat(second.points()).isEqualTo(100);
		assertThat(second.outcomes().get(0).reason()).contains("budget of 400");
		assertThat(third.points()).isZero();
		assertThat(third.outcomes().get(0).outcome()).isEqualTo(RuleOutcome.SKIPPED);
	}

	private static RuleDefinition withPriority(RuleDefinition d, int priority) {
		return new RuleDefinition(d.name(), d.description(), d.trigger(), d.condition(), d.effect(), d.limits(),
				d.validity(), priority, d.stopFurtherRules());
	}
}
