package io.philia.rule.internal;

import java.util.List;

import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.internal.Decision.Applied;
import io.philia.rule.internal.Decision.Skipped;
import io.philia.rule.internal.Evaluator.Usage;
import io.philia.rule.internal.Evaluator.Use;

/**
 * A rule's limits applied to what its effect gives: per event, per member and calendar day or month (in
 * the programme's time zone), and the rule's lifetime budget. Whatever is left under the tightest limit
 * is given; nothing left is "limit reached".
 */
final class Caps {

	private Caps() {
	}

	/** @param pending where the points given are noted against each limit's usage */
	static Decision apply(CompiledRule rule, Applied applied, Facts facts, Usage usage, List<Use> pending) {
		Limits limits = rule.limits();
		String memberId = facts.member().id();
		long points = applied.points();
		String capped = null;
		if (limits.perOrder() != null && points > limits.perOrder()) {
			points = limits.perOrder();
			capped = "at most " + limits.perOrder() + " per event";
		}
		boolean daily = limits.perMemberPerDay() != null && memberId != null;
		boolean monthly = limits.perMemberPerMonth() != null && memberId != null;
		if (daily) {
			long left = Math.max(limits.perMemberPerDay() - usage.used(rule.id(), memberId, facts.day()), 0);
			if (points > left) {
				points = left;
				capped = "at most " + limits.perMemberPerDay() + " per member and day";
			}
		}
		if (monthly) {
			long left = Math.max(limits.perMemberPerMonth() - usage.used(rule.id(), memberId, facts.month()), 0);
			if (points > left) {
				points = left;
				capped = "at most " + limits.perMemberPerMonth() + " per member and month";
			}
		}
		if (limits.budget() != null) {
			long left = Math.max(limits.budget() - usage.used(rule.id(), "*", "budget"), 0);
			if (points > left) {
				points = left;
				capped = "its budget of " + limits.budget() + " points";
			}
		}
		// Each limit counts what is finally given, known only once the tightest one has spoken.
		if (daily) {
			pending.add(new Use(rule.id(), memberId, facts.day(), points));
		}
		if (monthly) {
			pending.add(new Use(rule.id(), memberId, facts.month(), points));
		}
		if (limits.budget() != null) {
			pending.add(new Use(rule.id(), "*", "budget", points));
		}
		if (capped == null) {
			return applied;
		}
		if (points == 0 && applied.points() > 0) {
			return new Skipped("limit reached: " + capped);
		}
		return new Applied(points, applied.why() + "; capped by " + capped);
	}
}
