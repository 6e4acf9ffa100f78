package io.philia.ledger;

import io.philia.platform.ProblemType;

/** Refusals of the ledger (codes 4000–4999). */
public final class LedgerProblems {

	public static final ProblemType INSUFFICIENT_POINTS = new ProblemType("insufficient-points", 4001, 422,
			"The member does not have enough available points");

	private LedgerProblems() {
	}
}
