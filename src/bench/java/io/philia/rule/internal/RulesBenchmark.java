package io.philia.rule.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.philia.rule.EarningContext;
import io.philia.rule.PurchaseHistory.PastOrder;
import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleDefinition.Lines;
import io.philia.rule.RuleDefinition.Validity;

/**
 * Issue #5: a programme with 200 active rules against an order of 20 lines, on one core (target: under
 * 50 µs per event). The rules mix what marketers write: category multipliers, spend thresholds, per-unit
 * bonuses on SKUs, per-amount rates on brands with monthly limits, conditions on the member's past orders,
 * validity windows; 175 conditions, 49 of them distinct (each is evaluated once per event).
 * {@code storeRateOnly} is the common case of a programme without rules of its own;
 * {@code twoHundredRulesOnTheInterpreter} the 200 rules without their translation into closures, all on
 * CEL's interpreter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RulesBenchmark {

	static final String[] CATEGORIES = { "wine", "cheese", "spirits", "beer", "grocery", "gift" };

	private List<CompiledRule> rules;

	private List<CompiledRule> interpreted;

	private EarningContext order;

	private List<PastOrder> history;

	private Given.MemoryUsage usage;

	@Setup
	public void compile() {
		List<RuleDefinition> definitions = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			definitions.add(rule(i));
		}
		rules = Given.rules(definitions.toArray(RuleDefinition[]::new));
		interpreted = Given.onTheInterpreter(rules);
		var lines = new EarningContext.Line[20];
		long total = 0;
		for (int i = 0; i < lines.length; i++) {
			int quantity = 1 + i % 3;
			long unit = 450 + 37L * i;
			lines[i] = new EarningContext.Line("SKU-%04d".formatted(i * 7), CATEGORIES[i % CATEGORIES.length],
					"Brand " + (char) ('A' + i % 26), quantity, unit);
			total += unit * quantity;
		}
		order = Given.order("2026-11-22T10:00:00Z", io.philia.platform.Money.ofMinor(total, "EUR").amount(), lines);
		history = new ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			history.add(new PastOrder(Instant.parse("2026-11-22T10:00:00Z").minusSeconds(86_400L * 25 * i), "EUR",
					4_000 + 500L * i));
		}
		usage = new Given.MemoryUsage();
	}

	@Benchmark
	public Evaluator.Result twoHundredRulesTwentyLines() {
		return Evaluator.evaluate(rules, Given.STORE.earning(), new Facts(order, Given.PARIS, () -> history), usage);
	}

	/** The same rules on CEL's interpreter alone, as before their translation into closures. */
	@Benchmark
	public Evaluator.Result twoHundredRulesOnTheInterpreter() {
		return Evaluator.evaluate(interpreted, Given.STORE.earning(), new Facts(order, Given.PARIS, () -> history),
				usage);
	}

	@Benchmark
	public Evaluator.Result storeRateOnly() {
		return Evaluator.evaluate(List.of(), Given.STORE.earning(), new Facts(order, Given.PARIS, () -> history),
				usage);
	}

	private static RuleDefinition rule(int i) {
		String category = CATEGORIES[i % CATEGORIES.length];
		int priority = 10 + i % 50;
		return switch (i % 8) {
			case 0 -> new RuleDefinition("Category ×2 " + i, null, "order.paid",
					"order.lines.exists(l, l.category == '" + category + "')",
					new Effect("multiplier", null, null, null, "2", null, new Lines(null, List.of(category), null), null),
					null, null, priority, false);
			case 1 -> new RuleDefinition("Threshold " + i, null, "order.paid", "order.total >= " + (50 + i),
					new Effect("fixed", 10L + i, null, null, null, null, null, null), null, null, priority, false);
			case 2 -> new RuleDefinition("Units " + i, null, "order.paid", null,
					new Effect("perUnit", 2L, null, null, null, null,
							new Lines(List.of("SKU-%04d".formatted(i % 140), "SKU-%04d".formatted((i * 3) % 140)), null,
									null),
							null),
					null, null, priority, false);
			case 3 -> new RuleDefinition("Brand rate " + i, null, "order.paid", "order.lineCount > 2",
					new Effect("perAmount", 5L, "10.00", "steps", null, null,
							new Lines(null, null, List.of("Brand " + (char) ('A' + i % 26))), null),
					new Limits(null, null, 1_000L, null, null), null, priority, false);
			case 4 -> new RuleDefinition("Loyal " + i, null, "order.paid",
					"member.orderCount >= " + (i % 10) + " && member.daysSinceLastOrder <= 60",
					new Effect("fixed", 25L, null, null, null, null, null, null), new Limits(50L, null, null, null, null),
					null, priority, false);
			case 5 -> new RuleDefinition("Weekend " + i, null, "order.paid", "order.itemCount >= 3",
					new Effect("fixed", 15L, null, null, null, null, null, null), null,
					new Validity(null, null, List.of("saturday", "sunday"), null), priority, false);
			case 6 -> new RuleDefinition("Big line " + i, null, "order.paid",
					"order.lines.exists(l, l.amount > 20.0 && l.brand == 'Brand " + (char) ('A' + i % 26) + "')",
					new Effect("fixed", null, null, null, null, "int(order.total) / 10", null, null), null, null,
					priority, false);
			default -> new RuleDefinition("Spring " + i, null, "order.paid", "now.month >= 3 && now.month <= 5",
					new Effect("fixed", 30L, null, null, null, null, null, null), null,
					new Validity("2026-01-01", "2026-12-31", null, null), priority, false);
		};
	}
}
