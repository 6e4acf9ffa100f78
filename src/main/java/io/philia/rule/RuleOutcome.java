package io.philia.rule;

/**
 * What one rule did with an event: {@code applied} (with its points), {@code skipped} or {@code failed}
 * (its expression could not be evaluated; the other rules still ran), and why. The store's default rate
 * has no rule id.
 */
public record RuleOutcome(String ruleId, Integer version, String ruleVersionId, String rule, String outcome,
		long points, String reason) {

	public static final String APPLIED = "applied";

	public static final String SKIPPED = "skipped";

	public static final String FAILED = "failed";

	public boolean applied() {
		return APPLIED.equals(outcome);
	}
}
