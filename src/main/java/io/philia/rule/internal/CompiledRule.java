package io.philia.rule.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.philia.platform.Money;
import io.philia.program.EarningRate;
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
		ConditionLanguage.Compiled condition, ConditionLanguage.Compiled points, Window window, Factor factor,
		LineFilter lines, String brokenBecause, AtomicReference<EarningRate> lastRate) {

	static CompiledRule of(String id, int version, String versionId, RuleDefinition definition) {
		Effect effect = definition.effect();
		try {
			var condition = definition.condition() == null ? null
					: ConditionLanguage.condition(definition.condition(), definition.trigger());
			var points = effect.expression() == null ? null
					: ConditionLanguage.points(effect.expression(), definition.trigger());
			return new CompiledRule(id, version, versionId, definition, condition, points,
					Window.of(definition.validity()), Factor.of(effect.factor()),
					LineFilter.of(effect.lines()), null, new AtomicReference<>());
		}
		catch (ConditionLanguage.Invalid e) {
			return new CompiledRule(id, version, versionId, definition, null, null, Window.ALWAYS, null, null,
					"its expression no longer compiles: " + e.getMessage(), new AtomicReference<>());
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

	/**
	 * A perAmount effect's rate in an order's currency. The last one is kept: parsing it costs more than
	 * using it, and a programme's orders are mostly in one currency.
	 */
	EarningRate rate(String currencyCode) {
		EarningRate last = lastRate.get();
		if (last == null || !last.per().currencyCode().equals(currencyCode)) {
			Effect effect = effect();
			last = new EarningRate(effect.points(), Money.of(effect.per(), currencyCode),
					EarningRate.Rounding.valueOf(effect.rounding().toUpperCase(Locale.ROOT)));
			lastRate.set(last);
		}
		return last;
	}

	public Limits limits() {
		return definition.limits() == null ? new Limits(null, null, null, null, null) : definition.limits();
	}

	/**
	 * A multiplier's factor, as what it adds (factor − 1) and as its explanation's opening ("×1.5 on "),
	 * both worked out once rather than for every event.
	 */
	record Factor(BigDecimal extra, String opening) {

		static Factor of(String factor) {
			if (factor == null) {
				return null;
			}
			var value = new BigDecimal(factor);
			return new Factor(value.subtract(BigDecimal.ONE), "×" + value.stripTrailingZeros().toPlainString() + " on ");
		}
	}

	/**
	 * Order lines an effect counts; null counts the whole order.
	 *
	 * @param description how an explanation ends for these lines (" of lines with category wine")
	 */
	record LineFilter(Set<String> skus, Set<String> categories, Set<String> brands, String description) {

		static LineFilter of(Lines lines) {
			if (lines == null) {
				return null;
			}
			return new LineFilter(set(lines.skus()), set(lines.categories()), set(lines.brands()),
					describe(ordered(lines.skus()), ordered(lines.categories()), ordered(lines.brands())));
		}

		/** The values as the rule lists them, once each: an explanation reads the same after every restart. */
		private static Set<String> ordered(List<String> values) {
			return values == null ? Set.of() : new java.util.LinkedHashSet<>(values);
		}

		private static String describe(Set<String> skus, Set<String> categories, Set<String> brands) {
			var parts = new ArrayList<String>();
			if (!skus.isEmpty()) {
				parts.add("SKU " + String.join(", ", skus));
			}
			if (!categories.isEmpty()) {
				parts.add("category " + String.join(", ", categories));
			}
			if (!brands.isEmpty()) {
				parts.add("brand " + String.join(", ", brands));
			}
			return " of lines with " + String.join(" or ", parts);
		}

		private static Set<String> set(List<String> values) {
			return values == null ? Set.of() : Set.copyOf(new HashSet<>(values));
		}
	}
}
