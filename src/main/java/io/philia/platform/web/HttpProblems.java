package io.philia.platform.web;

import io.philia.platform.ProblemType;

/**
 * Problems of the HTTP request itself rather than of what it asks for: a URL, header or parameter that cannot
 * be decoded, text or a value the database cannot hold. The body's own faults are {@code PlatformProblems}'.
 */
public final class HttpProblems {

	public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", 1015, 400, "The request is malformed");

	private HttpProblems() {
	}
}
