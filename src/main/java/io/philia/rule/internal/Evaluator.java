package io.philia.rule.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.cel.runtime.CelEvaluationException;
import io.philia.ledger.Attribution;
import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.program.EarningRate;
import io.philia.rule.EarningContext;
import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleOutcome;
import io.philia.rule.internal.CompiledRule.LineFilter;
import io.philia.rule.internal.Decision.Applied;
import io.philia.rule.internal.Decision.Failed;
import io.philia.rule.internal.Decision.Skipped;

/**
 * Runs an event's rules in order, highest priority first, each one deciding on its own: outside its
 * validity, condition false, limit reached, or applied with its points and why. A rule that fails at
 * run time gives nothing and the others go on. Pure: what rules have given so far comes from
 * {@link Usage}, and what this event adds is returned, not written.
 *
 * <p>The store's rate is the default rule of order.paid, at priority {@value #STORE_RATE_PRIORITY}. A
 * rule that ran before it and gave points per amount of the whole order takes its place. Multipliers
 * add (factor − 1) × the points of the non-multiplier rules before them, so two multipliers add up
 * rather than compound.
 */
public final class Evaluator {

	public static final int STORE_RATE_PRIORITY = 1000;

	static final String STORE_RATE = "Store rate";

	/** What rules have given so far, for limits; locked in a real earning, merely read in a simulation. */
	public interface Usage {

		long used(String ruleId, String memberId, String period);
	}

	/** What this event adds to a rule's usage. */
	public record Use(String ruleId, String memberId, String period, long amount) {
	}

	public record Result(long points, List<RuleOutcome> outcomes, List<Attribution> attributions, List<Use> uses) {
	}

	private final Facts facts;

	private final Usage usage;

	private final List<RuleOutcome> outcomes = new ArrayList<>();

	private final List<Attribution> attributions = new ArrayList<>();

	private final List<Use> uses = new ArrayList<>();

	private long total;

	private long multipliable;

	private String wholeOrderRate;

	private Evaluator(Facts facts, Usage usage) {
		this.facts = facts;
		this.usage = usage;
	}

	/**
	 * @param rules the active rules for the event's trigger, sorted by {@link RuleCache#ORDER}
	 * @param storeRate the store's rate, for order.paid; null otherwise
	 */
	public static Result evaluate(List<CompiledRule> rules, EarningRate storeRate, Facts facts, Usage usage) {
		var evaluator = new Evaluator(facts, usage);
		evaluator.run(rules, storeRate);
		return new Result(evaluator.total, List.copyOf(evaluator.outcomes), List.copyOf(evaluator.attributions),
				List.copyOf(evaluator.uses));
	}

	private void run(List<CompiledRule> rules, EarningRate storeRate) {
		boolean rateDone = storeRate == null || facts.context().order() == null;
		String stoppedBy = null;
		for (CompiledRule rule : rules) {
			if (!rateDone && rule.priority() <= STORE_RATE_PRIORITY) {
				stoppedBy = storeRate(storeRate, stoppedBy);
				rateDone = true;
			}
			if (stoppedBy != null) {
				record(rule, new Skipped("not run: the rule \"" + stoppedBy + "\" stops further rules"));
				continue;
			}
			Decision decision = decide(rule);
			record(rule, decision);
			if (decision instanceof Applied && rule.definition().stopFurtherRules()) {
				stoppedBy = rule.name();
			}
		}
		if (!rateDone) {
			storeRate(storeRate, stoppedBy);
		}
	}

	private String storeRate(EarningRate rate, String stoppedBy) {
		Decision decision;
		if (stoppedBy != null) {
			decision = new Skipped("not run: the rule \"" + stoppedBy + "\" stops further rules");
		}
		else if (wholeOrderRate != null) {
			decision = new Skipped("replaced by the rule \"" + wholeOrderRate + "\", which earns on the whole order");
		}
		else {
			Money total = facts.context().order().total();
			long points = rate.pointsFor(total.minor());
			decision = new Applied(points, describe(rate.points(), rate.per().amount(), rate.rounding().name(), total));
			multipliable += points;
		}
		add(null, null, null, STORE_RATE, decision);
		return stoppedBy;
	}

	private Decision decide(CompiledRule rule) {
		if (rule.brokenBecause() != null) {
			return new Failed(rule.brokenBecause());
		}
		String outside = rule.window().outside(facts.at());
		if (outside != null) {
			return new Skipped(outside);
		}
		if (rule.condition() != null) {
			try {
				if (!Boolean.TRUE.equals(rule.condition().eval(facts.variables()))) {
					return new Skipped("condition is false: " + rule.definition().condition());
				}
			}
			catch (CelEvaluationException | RuntimeException e) {
				return new Failed("condition could not be evaluated: " + message(e));
			}
		}
		Member member = facts.member();
		Limits limits = rule.limits();
		boolean once = Boolean.TRUE.equals(limits.oncePerMember());
		if (once && member.id() != null && usage.used(rule.id(), member.id(), "once") > 0) {
			return new Skipped("already given to this member once");
		}
		List<Use> pending = new ArrayList<>();
		Decision effect = effect(rule, pending);
		if (!(effect instanceof Applied applied)) {
			return effect;
		}
		Decision capped = cap(rule, applied, pending);
		if (capped instanceof Applied && member.id() != null) {
			if (once) {
				pending.add(new Use(rule.id(), member.id(), "once", 1));
			}
			uses.addAll(pending);
		}
		return capped;
	}

	private Decision effect(CompiledRule rule, List<Use> pending) {
		Effect effect = rule.effect();
		EarningContext.Order order = facts.context().order();
		try {
			return switch (effect.type()) {
				case "perAmount" -> {
					long amount = amount(order, rule.lines());
					Money per = Money.of(effect.per(), order.total().currencyCode());
					var rate = new EarningRate(effect.points(), per, EarningRate.Rounding.valueOf(
							effect.rounding().toUpperCase(Locale.ROOT)));
					if (rule.lines() == null) {
						wholeOrderRate = rule.name();
					}
					yield new Applied(rate.pointsFor(amount), describe(effect.points(), per.amount(),
							rate.rounding().name(), Money.ofMinor(amount, order.total().currencyCode()))
							+ lines(rule.lines()));
				}
				case "fixed" -> {
					if (rule.points() == null) {
						yield new Applied(effect.points(), "a bonus of " + effect.points() + " points");
					}
					Object value = rule.points().eval(facts.variables());
					long points = value instanceof Long l ? l : -1;
					if (points < 0 || points > DefinitionCheck.MAX_POINTS) {
						yield new Failed("its points expression gave " + value + ", not a number of points from 0 to "
								+ DefinitionCheck.MAX_POINTS);
					}
					yield new Applied(points, points + " points from " + effect.expression());
				}
				case "perUnit" -> {
					long units = 0;
					for (EarningContext.Line line : order.lines()) {
						if (rule.lines() == null || rule.lines().matches(line.sku(), line.category(), line.brand())) {
							units += line.quantity();
						}
					}
					yield new Applied(Math.multiplyExact(units, effect.points()),
							effect.points() + " points for each of " + units + " unit(s)" + lines(rule.lines()));
				}
				case "multiplier" -> multiplier(rule, order);
				case "perField" -> perField(rule, pending);
				default -> new Failed("unknown effect " + effect.type());
			};
		}
		catch (CelEvaluationException | RuntimeException e) {
			return new Failed("effect could not be evaluated: " + message(e));
		}
	}

	private Decision multiplier(CompiledRule rule, EarningContext.Order order) {
		long base = multipliable;
		String on = multipliable + " points of the rules before it";
		if (rule.lines() != null && order != null) {
			long total = order.total().minor();
			long amount = amount(order, rule.lines());
			base = total == 0 ? 0 : share(multipliable, amount, total);
			on = base + " points (the share of " + Money.ofMinor(amount, order.total().currencyCode()) + " of "
					+ order.total() + lines(rule.lines()) + ")";
		}
		long extra = new BigDecimal(base).multiply(rule.factor().subtract(BigDecimal.ONE))
			.setScale(0, RoundingMode.DOWN)
			.longValueExact();
		return new Applied(extra, "×" + rule.factor().stripTrailingZeros().toPlainString() + " on " + on);
	}

	private Decision perField(CompiledRule rule, List<Use> pending) {
		Member member = facts.member();
		List<String> fresh = new ArrayList<>();
		for (String field : rule.effect().fields()) {
			if (filled(member, field) && (member.id() == null || usage.used(rule.id(), member.id(), "field:" + field) == 0)) {
				fresh.add(field);
				pending.add(new Use(rule.id(), member.id(), "field:" + field, 1));
			}
		}
		if (fresh.isEmpty()) {
			return new Skipped("no profile field filled that was not rewarded already");
		}
		return new Applied(Math.multiplyExact(rule.effect().points(), (long) fresh.size()),
				rule.effect().points() + " points for each new profile field: " + String.join(", ", fresh));
	}

	private Decision cap(CompiledRule rule, Applied applied, List<Use> pending) {
		Limits limits = rule.limits();
		String memberId = facts.member().id();
		long points = applied.points();
		String capped = null;
		if (limits.perOrder() != null && points > limits.perOrder()) {
			points = limits.perOrder();
			capped = "at most " + limits.perOrder() + " per event";
		}
		if (limits.perMemberPerDay() != null && memberId != null) {
			String day = "day:" + facts.at().toLocalDate();
			long left = Math.max(limits.perMemberPerDay() - usage.used(rule.id(), memberId, day), 0);
			if (points > left) {
				points = left;
				capped = "at most " + limits.perMemberPerDay() + " per member and day";
			}
			pending.add(new Use(rule.id(), memberId, day, points));
		}
		if (limits.perMemberPerMonth() != null && memberId != null) {
			String month = "month:" + java.time.YearMonth.from(facts.at());
			long left = Math.max(limits.perMemberPerMonth() - usage.used(rule.id(), memberId, month), 0);
			if (points > left) {
				points = left;
				capped = "at most " + limits.perMemberPerMonth() + " per member and month";
			}
			pending.add(new Use(rule.id(), memberId, month, points));
		}
		if (limits.budget() != null) {
			long left = Math.max(limits.budget() - usage.used(rule.id(), "*", "budget"), 0);
			if (points > left) {
				points = left;
				capped = "its budget of " + limits.budget() + " points";
			}
			pending.add(new Use(rule.id(), "*", "budget", points));
		}
		if (capped == null) {
			return applied;
		}
		// Limits later in the list saw the points before the last cap: count what is actually given.
		long given = points;
		pending.replaceAll(u -> u.period().startsWith("day:") || u.period().startsWith("month:")
				|| u.period().equals("budget") ? new Use(u.ruleId(), u.memberId(), u.period(), given) : u);
		if (points == 0 && applied.points() > 0) {
			return new Skipped("limit reached: " + capped);
		}
		return new Applied(points, applied.why() + "; capped by " + capped);
	}

	private void record(CompiledRule rule, Decision decision) {
		add(rule.id(), rule.version(), rule.versionId(), rule.name(), decision);
		if (decision instanceof Applied applied && !rule.effect().type().equals("multiplier")) {
			multipliable += applied.points();
		}
	}

	private void add(String ruleId, Integer version, String versionId, String name, Decision decision) {
		switch (decision) {
			case Applied applied -> {
				total = Math.addExact(total, applied.points());
				outcomes.add(new RuleOutcome(ruleId, version, versionId, name, RuleOutcome.APPLIED, applied.points(),
						applied.why()));
				if (applied.points() > 0) {
					attributions.add(new Attribution(ruleId, version, versionId, name, applied.points(), applied.why()));
				}
			}
			case Skipped skipped -> outcomes.add(new RuleOutcome(ruleId, version, versionId, name, RuleOutcome.SKIPPED,
					0, skipped.why()));
			case Failed failed -> outcomes.add(new RuleOutcome(ruleId, version, versionId, name, RuleOutcome.FAILED, 0,
					failed.why()));
		}
	}

	/** The order's amount, or the chosen lines' share of it (order-level discounts spread pro rata). */
	static long amount(EarningContext.Order order, LineFilter filter) {
		long total = order.total().minor();
		if (filter == null) {
			return total;
		}
		long matching = 0;
		long all = 0;
		for (EarningContext.Line line : order.lines()) {
			all += line.amountMinor();
			if (filter.matches(line.sku(), line.category(), line.brand())) {
				matching += line.amountMinor();
			}
		}
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

	private static String describe(long points, String per, String rounding, Money amount) {
		return points + " points per " + per + " " + amount.currencyCode()
				+ (rounding.equals("STEPS") ? " in whole steps" : " proportionally") + " on " + amount;
	}

	private static String lines(LineFilter filter) {
		return filter == null ? "" : " of lines with " + filter.describe();
	}

	private static String message(Exception e) {
		String message = e.getMessage();
		return message == null ? e.getClass().getSimpleName() : message;
	}

	/** value × numerator / denominator, rounded down, without overflow. */
	static long share(long value, long numerator, long denominator) {
		return BigInteger.valueOf(value)
			.multiply(BigInteger.valueOf(numerator))
			.divide(BigInteger.valueOf(denominator))
			.longValueExact();
	}
}
