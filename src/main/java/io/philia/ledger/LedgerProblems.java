package io.philia.ledger;

import io.philia.platform.ProblemType;

/** Refusals of the ledger (codes 4000–4999). */
public final class LedgerProblems {

	public static final ProblemType INSUFFICIENT_POINTS = new ProblemType("insufficient-points", 4001, 422,
			"The member does not have enough available points");

	public static final ProblemType TRANSFERS_DISABLED = new ProblemType("transfers-disabled", 4002, 403,
			"The programme does not allow transfers between members");

	public static final ProblemType TRANSFER_LIMIT_EXCEEDED = new ProblemType("transfer-limit-exceeded", 4003, 422,
			"The transfer goes past one of the programme's transfer limits");

	public static final ProblemType SAME_MEMBER = new ProblemType("same-member", 4004, 422,
			"Both sides are the same member");

	public static final ProblemType MEMBER_MERGED = new ProblemType("member-merged", 4005, 409,
			"The member account was merged into another");

	public static final ProblemType RESTORE_EXCEEDS_SPEND = new ProblemType("restore-exceeds-spend", 4006, 409,
			"More points would be restored than the spend took");

	public static final ProblemType SPEND_UNKNOWN = new ProblemType("spend-unknown", 4007, 422,
			"No such spend of this member");

	public static final ProblemType MERGE_DEBT_BEYOND_LIMIT = new ProblemType("merge-debt-beyond-limit", 4008, 422,
			"The merged account would owe more points than the programme's debt limit");

	public static final ProblemType POINTS_LIMIT_EXCEEDED = new ProblemType("points-limit-exceeded", 4009, 422,
			"The member's points would pass the most an account can hold");

	private LedgerProblems() {
	}
}
