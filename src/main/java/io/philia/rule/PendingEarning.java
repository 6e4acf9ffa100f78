package io.philia.rule;

import java.util.List;

import io.philia.rule.internal.Evaluator;

/**
 * What the rules decided for an event, not yet posted: {@link RuleEvaluation#post} writes it to the
 * ledger. Lets the caller record what an order earns before the points move, in the same transaction.
 */
public final class PendingEarning {

	private final EarningContext context;

	private final Evaluator.Result result;

	PendingEarning(EarningContext context, Evaluator.Result result) {
		this.context = context;
		this.result = result;
	}

	public long points() {
		return result.points();
	}

	/** Each rule's outcome, in the order the rules ran. */
	public List<RuleOutcome> rules() {
		return result.outcomes();
	}

	EarningContext context() {
		return context;
	}

	Evaluator.Result result() {
		return result;
	}
}
