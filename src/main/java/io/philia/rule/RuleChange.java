package io.philia.rule;

import java.time.Instant;
import java.util.List;

/**
 * One line of a rule's audit trail: who did what, when. {@code action} is created, changed, activated,
 * deactivated or deleted; for a change, {@code changed} names the fields that differ from the previous
 * version.
 */
public record RuleChange(int version, String action, List<String> changed, String actor, Instant at) {
}
