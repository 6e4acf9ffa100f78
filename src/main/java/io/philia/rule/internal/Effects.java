package io.philia.rule.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import dev.cel.runtime.CelEvaluationException;
import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.program.EarningRate;
import io.philia.rule.EarningContext;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.internal.CompiledRule.LineFilter;
import io.philia.rule.internal.Decision.Applied;
import io.philia.rule.internal.Decision.Failed;
import io.philia.rule.internal.Decision.Skipped;
import io.philia.rule.internal.Evaluator.Usage;
import io.philia.rule.internal.Evaluator.Use;

/** What each kind of effect gives for an event, and the sentence that says why. */
final class Effects {

	private Effects() {
	}

	/**
	 * The points a rule's effect gives, before limits.
	 *
	 * @param multipliable for a multiplier, the points it multiplies: those of the rules that applied
	 * before it (only the amount-based ones for a multiplier on some lines)
	 * @param pending where a perField effect notes the fields it rewards
	 */
	static Decision of(CompiledRule rule, Facts facts, long multipliable, Usage usage, List<Use> pending) {
		Effect effect = rule.effect();
		try {
			return switch (effect.type()) {
				case "perAmount" -> perAmount(rule, facts);
				case "fixed" -> fixed(rule, facts);
				case "perUnit" -> perUnit(rule, facts);
				case "multiplier" -> multiplier(rule, facts, multipliable);
				case "perField" -> perField(rule, facts.member(), usage, pending);
				default -> new Failed("unknown effect " + effect.type());
			};
		}
		catch (CelEvaluationException | RuntimeException e) {
			return new Failed("effect could not be evaluated: " + Evaluator.message(e));
		}
	}

	private static Decision perAmount(CompiledRule rule, Facts facts) {
		EarningContext.Order order = facts.context().order();
		long amount = amount(facts, rule.lines());
		EarningRate rate = rule.rate(order.total().currencyCode());
		var why = describe(new StringBuilder(96), rate, amount, order.total().currency()).append(lines(rule.lines()));
		return new Applied(rate.pointsFor(amount), why.toString());
	}

	private static Decision fixed(CompiledRule rule, Facts facts) throws CelEvaluationException {
		Effect effect = rule.effect();
		if (rule.bonus() != null) {
			return rule.bonus();
		}
		if (rule.points() == null) {
			return new Applied(effect.points(), "a bonus of " + effect.points() + " points");
		}
		Object value = rule.points().eval(facts);
		long points = value instanceof Long l ? l : -1;
		if (points < 0 || points > DefinitionCheck.MAX_POINTS) {
			return new Failed("its points expression gave " + value + ", not a number of points from 0 to "
					+ DefinitionCheck.MAX_POINTS);
		}
		return new Applied(points, points + " points from " + effect.expression());
	}

	private static Decision perUnit(CompiledRule rule, Facts facts) {
		long units = 0;
		if (rule.lines() == null) {
			for (EarningContext.Line line : facts.context().order().lines()) {
				units += line.quantity();
			}
		}
		else {
			units = facts.lines().units(rule.lines());
		}
		long points = rule.effect().points();
		return new Applied(Math.multiplyExact(units, points),
				points + " points for each of " + units + " unit(s)" + lines(rule.lines()));
	}

	/** Adds (factor − 1) × the points before it, or × their share on the chosen lines' part of the order. */
	private static Decision multiplier(CompiledRule rule, Facts facts, long multipliable) {
		EarningContext.Order order = facts.context().order();
		var why = new StringBuilder(96).append(rule.factor().opening());
		long base = multipliable;
		if (rule.lines() != null && order != null) {
			long total = order.total().minor();
			long amount = amount(facts, rule.lines());
			base = total == 0 ? 0 : share(multipliable, amount, total);
			why.append(base).append(" points earned on ");
			MoneyText.append(why, amount, order.total().currency()).append(rule.lines().description());
		}
		else {
			why.append(multipliable).append(" points of the rules before it");
		}
		return new Applied(rule.factor().extraOn(base), why.toString());
	}

	private static Decision perField(CompiledRule rule, Member member, Usage usage, List<Use> pending) {
		List<String> fresh = new ArrayList<>();
		for (String field : rule.effect().fields()) {
			String period = "field:" + field;
			if (filled(member, field) && (member.id() == null || usage.used(rule.id(), member.id(), period) == 0)) {
				fresh.add(field);
				pending.add(new Use(rule.id(), member.id(), period, 1));
			}
		}
		if (fresh.isEmpty()) {
			return new Skipped("no profile field filled that was not rewarded already");
		}
		return new Applied(Math.multiplyExact(rule.effect().points(), (long) fresh.size()),
				rule.effect().points() + " points for each new profile field: " + String.join(", ", fresh));
	}

	/** The order's amount, or the chosen lines' share of it (order-level discounts spread pro rata). */
	private static long amount(Facts facts, LineFilter filter) {
		EarningContext.Order order = facts.context().order();
		long total = order.total().minor();
		if (filter == null) {
			return total;
		}
		long matching = facts.lines().amount(filter);
		long all = facts.lines().allAmounts();
		return all == 0 ? 0 : Math.min(share(total, matching, all), total);
	}

	private static boolean filled(Member member, String field) {
		Object value = switch (field) {
			case "firstName" -> member.firstName();
			case "lastName" -> member.lastName();
			case "email" -> member.email();
			case "phone" -> member.phone();
			case "birthDate" -> member.birthDate();
			case "locale" -> member.locale();
			default -> {
				var attributes = member.attributes();
				var node = attributes == null ? null : attributes.get(field.substring("attributes.".length()));
				yield node == null || node.isNull() || node.isString() && node.stringValue().isBlank() ? null : node;
			}
		};
		return value != null && !(value instanceof String s && s.isBlank());
	}

	static String describe(EarningRate rate, Money amount) {
		return describe(new StringBuilder(64), rate, amount.minor(), amount.currency()).toString();
	}

	/** "10 points per 15.00 EUR in whole steps on 274.00 EUR" */
	private static StringBuilder describe(StringBuilder why, EarningRate rate, long amount, Currency currency) {
		why.append(rate.points()).append(" points per ");
		MoneyText.amount(why, rate.per().minor(), rate.per().currency()).append(' ').append(currency.getCurrencyCode());
		why.append(rate.rounding() == EarningRate.Rounding.STEPS ? " in whole steps" : " proportionally").append(" on ");
		return MoneyText.append(why, amount, currency);
	}

	private static String lines(LineFilter filter) {
		return filter == null ? "" : filter.description();
	}

	/** value × numerator / denominator, rounded down, without overflow. */
	static long share(long value, long numerator, long denominator) {
		long product = value * numerator;
		// The long way when the product fits (nearly always); BigInteger when it does not.
		if (Math.multiplyHigh(value, numerator) == (product >> 63) && !(product == Long.MIN_VALUE && denominator == -1)) {
			return product / denominator;
		}
		return BigInteger.valueOf(value)
			.multiply(BigInteger.valueOf(numerator))
			.divide(BigInteger.valueOf(denominator))
			.longValueExact();
	}
}
