package io.philia.program;

import io.philia.platform.ProblemType;

/** Refusals of the programme module (codes 2000–2999). */
public final class ProgramProblems {

	public static final ProblemType PROGRAMME_NOT_FOUND = new ProblemType("programme-not-found", 2001, 404,
			"No such programme");

	public static final ProblemType STORE_NOT_FOUND = new ProblemType("store-not-found", 2002, 404, "No such store");

	public static final ProblemType STORE_CODE_TAKEN = new ProblemType("store-code-taken", 2003, 409,
			"A store with this code already exists in the programme");

	public static final ProblemType API_KEY_NOT_FOUND = new ProblemType("api-key-not-found", 2004, 404,
			"No such API key");

	public static final ProblemType ADMIN_KEY_REQUIRED = new ProblemType("admin-key-required", 2005, 401,
			"The administration API needs the admin key");

	private ProgramProblems() {
	}
}
