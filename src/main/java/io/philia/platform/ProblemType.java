package io.philia.platform;

import java.net.URI;

/**
 * A kind of error the API can answer with (RFC 9457). The slug makes the stable {@code type} URI, the
 * code is unique across modules (each module has its own range: platform 1000s, program 2000s, member
 * 3000s, ledger 4000s, event 5000s), the title is the human summary.
 */
public record ProblemType(String slug, int code, int status, String title) {

	private static final String BASE = "urn:philia:problem:";

	public URI type() {
		return URI.create(BASE + slug);
	}
}
