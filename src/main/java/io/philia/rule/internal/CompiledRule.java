package io.philia.rule.internal;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.philia.rule.RuleDefinition;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Lines;
import io.philia.rule.RuleDefinition.Limits;

/**
 * A rule version ready to run: its CEL compiled, its numbers parsed. Built once per version and kept in
 * {@link RuleCache}; immutable, shared by every thread. A version whose CEL no longer compiles (saved by
 * an older release) keeps its error and fails at evaluation, without stopping the other rules.
 */
public record CompiledRule(String id, int version, String versionId, RuleDefinition definition,
		ConditionLanguage.Compiled condition, ConditionLanguage.Compiled points, Window window, BigDecimal factor,
		LineFilter lines, String brokenBecause) {

	static CompiledRule of(String id, int version, String versionId, RuleDefinition definition) {
		Effect effect = definition.effect();
		try {
			var condition = definition.condition() == null ? null
					: ConditionLanguage.condition(definition.condition(), definition.trigger());
			var points = effect.expression() == null ? null
					: ConditionLanguage.points(effect.expression(), definition.trigger());
			return new CompiledRule(id, version, versionId, definition, condition, points,
					Window.of(definition.validity()), effect.factor() == null ? null : new BigDecimal(effect.factor()),
					LineFilter.of(effect.lines()), null);
		}
		catch (ConditionLanguage.Invalid e) {
			return new CompiledRule(id, version, versionId, definition, null, null, Window.ALWAYS, null, null,
					"its expression no longer compiles: " + e.getMessage());
		}
	}

	public String name() {
		return definition.name();
	}

	public int priority() {
		return definition.priority();
	}

	public Effect effect() {
		return definition.effect();
	}

	public Limits limits() {
		return definition.limits() == null ? new Limits(null, null, null, null, null) : definition.limits();
	}

	/** Order lines an effect counts; null counts the whole order. */
	record LineFilter(Set<String> skus, Set<String> categories, Set<String> brands) {

		static LineFilter of(Lines lines) {
			return lines == null ? null : new LineFilter(set(lines.skus()), set(lines.categories()), set(lines.brands()));
		}

		boolean matches(String sku, String category, String brand) {
			return skus.contains(sku) || category != null && categories.contains(category)
					|| brand != null && brands.contains(brand);
		}

		String describe() {
			var parts = new java.util.ArrayList<String>();
			if (!skus.isEmpty()) {
				parts.add("SKU " + String.join(", ", skus));
			}
			if (!categories.isEmpty()) {
				parts.add("category " + String.join(", ", categories));
			}
			if (!brands.isEmpty()) {
				parts.add("brand " + String.join(", ", brands));
			}
			return String.join(" or ", parts);
		}

		private static Set<String> set(List<String> values) {
			return values == null ? Set.of() : Set.copyOf(new HashSet<>(values));
		}
	}
}
