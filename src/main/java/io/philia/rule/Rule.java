package io.philia.rule;

import java.time.Instant;

import io.philia.rule.RuleDefinition.Effect;
import io.philia.rule.RuleDefinition.Limits;
import io.philia.rule.RuleDefinition.Validity;

/** A rule as it is now: its current version's definition, and whether it is active. */
public record Rule(String id, int version, String versionId, boolean active, String name, String description,
		String trigger, String condition, Effect effect, Limits limits, Validity validity, int priority,
		boolean stopFurtherRules, Instant createdAt, Instant updatedAt) {

	public RuleDefinition definition() {
		return new RuleDefinition(name, description, trigger, condition, effect, limits, validity, priority,
				stopFurtherRules);
	}
}
