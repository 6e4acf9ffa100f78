package io.philia.rule;

/** A ready rule for a mechanic marketers use, to create as it is or to adapt. */
public record RuleTemplate(String id, String description, RuleDefinition rule) {
}
