package io.philia.rule;

import java.util.List;

import io.philia.ledger.Movement;

/**
 * What the rules gave for an event: the points, each rule's outcome in the order they ran, and the
 * ledger's movement (absent in a simulation, or when nothing was earned).
 */
public record Earning(long points, List<RuleOutcome> rules, Movement movement) {
}
