package io.philia.member;

import io.philia.platform.ProblemType;

/** Refusals of the member module (codes 3000–3999). */
public final class MemberProblems {

	public static final ProblemType MEMBER_NOT_FOUND = new ProblemType("member-not-found", 3001, 404,
			"No such member");

	public static final ProblemType MEMBER_ALREADY_EXISTS = new ProblemType("member-already-exists", 3002, 409,
			"A member with this externalId or email already exists");

	public static final ProblemType IDENTITY_CONFLICT = new ProblemType("member-identity-conflict", 3003, 409,
			"The externalId and the email name two different members");

	private MemberProblems() {
	}
}
