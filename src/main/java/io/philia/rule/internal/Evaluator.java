package io.philia.rule.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.cel.runtime.CelEvaluationException;
import io.philia.ledger.Attribution;
import io.philia.member.Member;
import io.philia.platform.Money;
import io.philia.program.EarningRate;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleOutcome;
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
 * rather than compound. A multiplier on some lines multiplies only points earned from amounts or units
 * (the store's rate, perAmount, perUnit), in the share those lines make of the order: a fixed bonus
 * belongs to no line.
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

	private final List<RuleOutcome> outcomes;

	private final List<Attribution> attributions;

	private final List<Use> uses = new ArrayList<>();

	/** What the rule being decided would add to {@link #uses}; one list for every rule of the event. */
	private final List<Use> pending = new ArrayList<>();

	private long total;

	private long multipliable;

	private long fromAmounts;

	private String wholeOrderRate;

	private Evaluator(Facts facts, Usage usage, int rules) {
		this.facts = facts;
		this.usage = usage;
		this.outcomes = new ArrayList<>(rules + 1);
		this.attributions = new ArrayList<>(rules + 1);
	}

	/**
	 * @param rules the active rules for the event's trigger, sorted by {@link RuleCache#ORDER}
	 * @param storeRate the store's rate, for order.paid; null otherwise
	 */
	public static Result evaluate(List<CompiledRule> rules, EarningRate storeRate, Facts facts, Usage usage) {
		var evaluator = new Evaluator(facts, usage, rules.size());
		evaluator.run(rules, storeRate);
		// Wrapped, not copied: the lists are the evaluator's own and nothing else holds them.
		return new Result(evaluator.total, Collections.unmodifiableList(evaluator.outcomes),
				Collections.unmodifiableList(evaluator.attributions), Collections.unmodifiableList(evaluator.uses));
	}

	private void run(List<CompiledRule> rules, EarningRate storeRate) {
		boolean rateDone = storeRate == null || facts.context().order() == null;
		Skipped stopped = null;
		for (CompiledRule rule : rules) {
			if (!rateDone && rule.priority() <= STORE_RATE_PRIORITY) {
				storeRate(storeRate, stopped);
				rateDone = true;
			}
			if (stopped != null) {
				record(rule, stopped);
				continue;
			}
			Decision decision = decide(rule);
			record(rule, decision);
			if (decision instanceof Applied && rule.definition().stopFurtherRules()) {
				stopped = new Skipped("not run: the rule \"" + rule.name() + "\" stops further rules");
			}
		}
		if (!rateDone) {
			storeRate(storeRate, stopped);
		}
	}

	/** @param stopped what the rules after a rule that stops further rules decide, or null */
	private void storeRate(EarningRate rate, Skipped stopped) {
		Decision decision;
		if (stopped != null) {
			decision = stopped;
		}
		else if (wholeOrderRate != null) {
			decision = new Skipped("replaced by the rule \"" + wholeOrderRate + "\", which earns on the whole order");
		}
		else {
			Money total = facts.context().order().total();
			long points = rate.pointsFor(total.minor());
			decision = new Applied(points, Effects.describe(rate, total));
			multipliable += points;
			fromAmounts += points;
		}
		add(null, null, null, STORE_RATE, decision);
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
				if (!Boolean.TRUE.equals(rule.condition().eval(facts))) {
					return rule.condition().whenFalse();
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
		List<Use> pending = this.pending;
		pending.clear();
		Decision effect = Effects.of(rule, facts, rule.lines() == null ? multipliable : fromAmounts, usage, pending);
		if (!(effect instanceof Applied applied)) {
			return effect;
		}
		Decision capped = Caps.apply(rule, applied, facts, usage, pending);
		if (capped instanceof Applied) {
			if (rule.effect().type().equals("perAmount") && rule.lines() == null) {
				wholeOrderRate = rule.name();
			}
			if (member.id() != null) {
				if (once) {
					pending.add(new Use(rule.id(), member.id(), "once", 1));
				}
				// One by one: addAll copies the list into an array first, for every rule that applied.
				for (int i = 0; i < pending.size(); i++) {
					uses.add(pending.get(i));
				}
			}
		}
		return capped;
	}

	private void record(CompiledRule rule, Decision decision) {
		add(rule.id(), rule.version(), rule.versionId(), rule.name(), decision);
		String type = rule.effect().type();
		if (decision instanceof Applied applied && !type.equals("multiplier")) {
			multipliable += applied.points();
			fromAmounts += type.equals("perAmount") || type.equals("perUnit") ? applied.points() : 0;
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

	static String message(Exception e) {
		String message = e.getMessage();
		return message == null ? e.getClass().getSimpleName() : message;
	}
}
