package io.philia.rule.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.cel.runtime.CelEvaluationException;
import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleDefinition.Lines;

/**
 * The translated closures against CEL's interpreter, on thousands of seeded random expressions and events:
 * where the closures decide, they give the interpreter's value; wherever the interpreter fails, they leave
 * it to the interpreter, so a rule fails with CEL's own message. Then whole rule sets, evaluated with and
 * without translation, earn the same points with the same explanations. A failure prints its seed.
 */
class TranslationTest {

	private int decided;

	private int failures;

	private int evaluations;

	@Test
	void translatedExpressionsGiveTheInterpretersValueOrLeaveItToIt() {
		seeded(1000, this::expression);

		assertThat(decided).as("evaluations decided by the closures").isGreaterThan(evaluations / 2);
		assertThat(failures).as("evaluations where CEL fails").isGreaterThan(evaluations / 50);
	}

	@Test
	void theEdgesOfCelsArithmeticAgree() throws Exception {
		var random = new Random(5);
		for (String expression : List.of("(-9223372036854775807 - 1) / -1 < 0", "(-9223372036854775807 - 1) % -1 == 0",
				"9223372036854775807 + order.lineCount > 0", "-(-9223372036854775807 - order.lineCount) > 0",
				"3037000500 * 3037000500 > 0", "order.lineCount / 0 == 0", "order.lineCount % 0 == 0",
				"order.lines.map(l, l.quantity)[3] >= 0", "[1, 2][-1] == 1", "-0.0 == 0.0 && !(-0.0 < 0.0)",
				"0.0 / 0.0 == 0.0 / 0.0", "!(0.0 / 0.0 < 1.0)", "int(1e300) > 0", "int(-1.9) == -1",
				"9007199254740993 > 9007199254740992.0", "size('été') == 3", "'k' in member.attributes",
				"member.attributes.vip == true", "false && 1 / 0 == 1", "1 / 0 == 1 || true",
				"order.lines.exists(l, 1 / (l.quantity - 1) == 1 || true)")) {
			for (int i = 0; i < 5; i++) {
				agree(expression, ConditionLanguage.condition(expression, "order.paid"),
						new RandomExpressions(random).facts());
			}
		}
		assertThat(decided).as("evaluations decided by the closures").isPositive();
		assertThat(failures).as("evaluations where CEL fails").isPositive();
	}

	@Test
	void rulesEarnTheSameWithAndWithoutTranslation() {
		seeded(200, TranslationTest::ruleSet);
	}

	private static void seeded(int runs, Consumer<Random> run) {
		long base = new Random().nextLong();
		for (int i = 0; i < runs; i++) {
			long seed = base + i;
			try {
				run.accept(new Random(seed));
			}
			catch (AssertionError e) {
				throw new AssertionError("seed " + seed + ": " + e.getMessage(), e);
			}
		}
	}

	private void expression(Random random) {
		var expressions = new RandomExpressions(random);
		boolean condition = random.nextBoolean();
		String expression = condition ? expressions.condition() : expressions.points();
		ConditionLanguage.Compiled compiled = compile(expression, condition);
		for (int i = 0; i < 3; i++) {
			agree(expression, compiled, expressions.facts());
		}
	}

	private void agree(String expression, ConditionLanguage.Compiled compiled, Facts facts) {
		Object expected;
		String error = null;
		try {
			expected = compiled.interpret(facts);
		}
		catch (CelEvaluationException e) {
			expected = null;
			error = e.getMessage();
			failures++;
		}
		evaluations++;
		if (compiled.translated().isPresent()) {
			try {
				Object value = compiled.translated().get().eval(facts);
				decided++;
				assertThat(error).as("CEL fails on %s: %s, the closures gave %s", expression, error, value).isNull();
				assertThat(value).as(expression).isEqualTo(expected);
			}
			catch (RuntimeException undecided) {
				// Left to the interpreter: the next assertion checks that it is.
			}
		}
		assertThat(evaluate(compiled, facts)).as(expression).isEqualTo(error != null ? "failed: " + error : expected);
	}

	private static Object evaluate(ConditionLanguage.Compiled compiled, Facts facts) {
		try {
			return compiled.eval(facts);
		}
		catch (CelEvaluationException e) {
			return "failed: " + e.getMessage();
		}
	}

	private static void ruleSet(Random random) {
		var expressions = new RandomExpressions(random);
		List<RuleDefinition> definitions = new ArrayList<>();
		List<String> conditions = new ArrayList<>();
		for (int i = 1 + random.nextInt(12); i > 0; i--) {
			definitions.add(rule(random, expressions, conditions));
		}
		List<CompiledRule> translated = Given.rules(definitions.toArray(RuleDefinition[]::new));
		List<CompiledRule> interpreted = Given.onTheInterpreter(translated);
		for (int i = 0; i < 3; i++) {
			long seed = random.nextLong();
			var fast = Evaluator.evaluate(translated, Given.STORE.earning(), new RandomExpressions(new Random(seed)).facts(),
					new Given.MemoryUsage());
			var reference = Evaluator.evaluate(interpreted, Given.STORE.earning(),
					new RandomExpressions(new Random(seed)).facts(), new Given.MemoryUsage());
			assertThat(fast).as(definitions.toString()).isEqualTo(reference);
		}
	}

	private static RuleDefinition rule(Random random, RandomExpressions expressions, List<String> conditions) {
		// Rule sets repeat conditions, as programmes do: the event evaluates each once.
		String condition = !conditions.isEmpty() && random.nextInt(3) == 0
				? conditions.get(random.nextInt(conditions.size())) : expressions.condition();
		conditions.add(condition);
		condition = random.nextInt(5) == 0 ? null : condition;
		Lines lines = new Lines(null, List.of(random.nextBoolean() ? "wine" : "beer"), null);
		Effect effect = switch (random.nextInt(5)) {
			case 0 -> Given.fixed(random.nextInt(500));
			case 1 -> new Effect("fixed", null, null, null, null, expressions.points(), null, null);
			case 2 -> Given.multiplier("2", random.nextBoolean() ? lines : null);
			case 3 -> new Effect("perUnit", 3L, null, null, null, null, lines, null);
			default -> Given.perAmount(5, "10.00", random.nextBoolean() ? lines : null);
		};
		Limits limits = random.nextBoolean() ? null : new Limits(100L + random.nextInt(400), null, null, null, null);
		return new RuleDefinition("Rule " + random.nextInt(1000), null, "order.paid", condition, effect, limits, null,
				random.nextInt(2000), random.nextInt(8) == 0);
	}

	private static ConditionLanguage.Compiled compile(String expression, boolean condition) {
		try {
			return condition ? ConditionLanguage.condition(expression, "order.paid")
					: ConditionLanguage.points(expression, "order.paid");
		}
		catch (ConditionLanguage.Invalid e) {
			return fail("the generator wrote an expression CEL refuses: " + expression + ": " + e.getMessage());
		}
	}
}
