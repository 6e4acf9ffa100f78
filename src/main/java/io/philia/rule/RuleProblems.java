package io.philia.rule;

import io.philia.platform.ProblemType;

/** Refusals of the rule module (codes 6000–6999). */
public final class RuleProblems {

	public static final ProblemType RULE_NOT_FOUND = new ProblemType("rule-not-found", 6001, 404, "No such rule");

	public static final ProblemType INVALID_EXPRESSION = new ProblemType("invalid-expression", 6002, 400,
			"A CEL expression of the rule does not compile");

	public static final ProblemType TEMPLATE_NOT_FOUND = new ProblemType("rule-template-not-found", 6003, 404,
			"No such rule template");

	private RuleProblems() {
	}
}
