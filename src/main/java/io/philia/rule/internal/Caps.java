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
		int first = pending.size();
		if (limits.perMemberPerDay() != null && memberId != null) {
			String day = facts.day();
			long left = Math.max(limits.perMemberPerDay() - usage.used(rule.id(), memberId, day), 0);
			if (points > left) {
				points = left;
				capped = "at most " + limits.perMemberPerDay() + " per member and day";
			}
			pending.add(new Use(rule.id(), memberId, day, 0));
		}
		if (limits.perMemberPerMonth() != null && memberId != null) {
			String month = facts.month();
			long left = Math.max(limits.perMemberPerMonth() - usage.used(rule.id(), memberId, month), 0);
			if (points > left) {
				points = left;
				capped = "at most " + limits.perMemberPerMonth() + " per member and month";
			}
			pending.add(new Use(rule.id(), memberId, month, 0));
		}
		if (limits.budget() != null) {
			long left = Math.max(limits.budget() - usage.used(rule.id(), "*", "budget"), 0);
			if (points > left) {
				points = left;
				capped = "its budget of " + limits.budget() + " points";
			}
			pending.add(new Use(rule.id(), "*", "budget", 0));
		}
		// Each limit counts what is finally given, known only once the tightest one has spoken.
		for (int i = first; i < pending.size(); i++) {
			Use use = pending.get(i);
			pending.set(i, new Use(use.ruleId(), use.memberId(), use.period(), points));
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
