package io.philia.rule.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
import io.philia.rule.internal.Decision.Applied;

/**
 * A rule version ready to run: its CEL compiled, its numbers parsed. Built once per version and kept in
 * {@link RuleCache}; immutable, shared by every thread. A version whose CEL no longer compiles (saved by
 * an older release) keeps its error and fails at evaluation, without stopping the other rules.
 */
public record CompiledRule(String id, int version, String versionId, RuleDefinition definition,
		ConditionLanguage.Compiled condition, ConditionLanguage.Compiled points, Window window, Factor factor,
		LineFilter lines, String brokenBecause, AtomicReference<EarningRate> lastRate, Applied bonus) {

	private static final Limits NO_LIMITS = new Limits(null, null, null, null, null);

	/** @param bonus a fixed effect without an expression decides the same for every event: made once */
	public CompiledRule(String id, int version, String versionId, RuleDefinition definition,
			ConditionLanguage.Compiled condition, ConditionLanguage.Compiled points, Window window, Factor factor,
			LineFilter lines, String brokenBecause, AtomicReference<EarningRate> lastRate) {
		this(id, version, versionId, definition, condition, points, window, factor, lines, brokenBecause, lastRate,
				bonus(definition.effect(), points));
	}

	private static Applied bonus(Effect effect, ConditionLanguage.Compiled points) {
		return "fixed".equals(effect.type()) && points == null && effect.points() != null
				? new Applied(effect.points(), "a bonus of " + effect.points() + " points") : null;
	}

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
		return definition.limits() == null ? NO_LIMITS : definition.limits();
	}

	/**
	 * A multiplier's factor, as what it adds (factor − 1) and as its explanation's opening ("×1.5 on "),
	 * both worked out once rather than for every event. What it adds is also kept as a fraction of longs
	 * (0.5 as 5 / 10), the exact same product without a BigDecimal per event; divisor 0 when it does not fit.
	 */
	record Factor(BigDecimal extra, String opening, long numerator, long divisor) {

		static Factor of(String factor) {
			if (factor == null) {
				return null;
			}
			var value = new BigDecimal(factor);
			var extra = value.subtract(BigDecimal.ONE);
			boolean fits = extra.scale() >= 0 && extra.scale() <= 18 && extra.unscaledValue().bitLength() < 64;
			return new Factor(extra, "×" + value.stripTrailingZeros().toPlainString() + " on ",
					fits ? extra.unscaledValue().longValue() : 0, fits ? BigInteger.TEN.pow(extra.scale()).longValue() : 0);
		}

		/** (factor − 1) × points, rounded towards zero. */
		long extraOn(long points) {
			long product = points * numerator;
			if (divisor != 0 && Math.multiplyHigh(points, numerator) == (product >> 63)) {
				return product / divisor;
			}
			return new BigDecimal(points).multiply(extra).setScale(0, RoundingMode.DOWN).longValueExact();
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
