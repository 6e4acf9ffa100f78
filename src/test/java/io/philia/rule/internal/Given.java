package io.philia.rule.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.program.EarningRate;
import io.philia.program.Store;
import io.philia.rule.EarningContext;
import io.philia.rule.PurchaseHistory.PastOrder;
import io.philia.rule.RuleDefinition;

/** Test data for the evaluator, built the way the application builds it. */
final class Given {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	static final Store STORE = new Store("store-1", "programme-1", "main", "Main", "EUR",
			new EarningRate(10, Money.of("15.00", "EUR"), EarningRate.Rounding.STEPS), Instant.EPOCH);

	private Given() {
	}

	static Member member(String id, LocalDate birthDate) {
		return new Member(id, "C-42", "anne@example.com", null, "Anne", null, birthDate, "fr", Map.of(), null,
				Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"));
	}

	static EarningContext order(String at, String total, EarningContext.Line... lines) {
		return new EarningContext("programme-1", STORE, "order.paid", "event-1", Instant.parse(at), null,
				member("member-1", null), new EarningContext.Order("1001", Money.of(total, "EUR"), List.of(lines)));
	}

	static EarningContext.Line line(String sku, String category, int quantity, String unitPrice) {
		return new EarningContext.Line(sku, category, null, quantity, Money.of(unitPrice, "EUR").minor());
	}

	static Facts facts(EarningContext context, PastOrder... past) {
		return new Facts(context, PARIS, () -> List.of(past));
	}

	/** Compiles definitions as the cache does, checked first as the API does, in evaluation order. */
	static List<CompiledRule> rules(RuleDefinition... definitions) {
		List<CompiledRule> rules = new ArrayList<>();
		for (int i = 0; i < definitions.length; i++) {
			RuleDefinition checked = DefinitionCheck.check(definitions[i]);
			rules.add(CompiledRule.of("rule-" + (char) ('a' + i), 1, "version-" + i, checked));
		}
		rules.sort(RuleCache.ORDER);
		return rules;
	}

	/** The same rules on CEL's interpreter alone, without their translation into closures: the reference. */
	static List<CompiledRule> onTheInterpreter(List<CompiledRule> rules) {
		return rules.stream()
			.map(rule -> new CompiledRule(rule.id(), rule.version(), rule.versionId(), rule.definition(),
					interpreted(rule.condition()), interpreted(rule.points()), rule.window(), rule.factor(),
					rule.lines(), rule.brokenBecause(), rule.lastRate()))
			.toList();
	}

	private static ConditionLanguage.Compiled interpreted(ConditionLanguage.Compiled compiled) {
		return compiled == null ? null
				: new ConditionLanguage.Compiled(compiled.expression(), compiled.program(), Optional.empty());
	}

	static RuleDefinition rule(String name, String condition, RuleDefinition.Effect effect) {
		return new RuleDefinition(name, null, "order.paid", condition, effect, null, null, null, null);
	}

	static RuleDefinition.Effect fixed(long points) {
		return new RuleDefinition.Effect("fixed", points, null, null, null, null, null, null);
	}

	static RuleDefinition.Effect multiplier(String factor, RuleDefinition.Lines lines) {
		return new RuleDefinition.Effect("multiplier", null, null, null, factor, null, lines, null);
	}

	static RuleDefinition.Effect perAmount(long points, String per, RuleDefinition.Lines lines) {
		return new RuleDefinition.Effect("perAmount", points, per, "steps", null, null, lines, null);
	}

	/** Usage kept in memory, as the database would keep it across events. */
	static final class MemoryUsage implements Evaluator.Usage {

		final Map<String, Long> used = new HashMap<>();

		@Override
		public long used(String ruleId, String memberId, String period) {
			return used.getOrDefault(ruleId + "|" + memberId + "|" + period, 0L);
		}

		void add(List<Evaluator.Use> uses) {
			uses.forEach(u -> used.merge(u.ruleId() + "|" + u.memberId() + "|" + u.period(), u.amount(), Long::sum));
		}
	}
}
