package io.philia.ledger;

/**
 * The part of an earning one rule produced, and why: the ledger keeps it with the entry so that the
 * history explains every point. {@code ruleId}, {@code ruleVersion} and {@code ruleVersionId} are absent
 * for the store's default rate, which is not a versioned rule.
 */
public record Attribution(String ruleId, Integer ruleVersion, String ruleVersionId, String rule, long points,
		String reason) {
}
