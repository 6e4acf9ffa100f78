package io.philia.platform;

import java.util.Map;

/**
 * A refusal because the caller tried too often (429): the answer says when to try again, in a
 * {@code Retry-After} header and in the body, as DESIGN asks of every rate-limited endpoint.
 */
public class Throttled extends PhiliaException {

	private final long retryAfterSeconds;

	public Throttled(ProblemType problem, String detail, long retryAfterSeconds) {
		this(problem, detail, retryAfterSeconds, Map.of());
	}

	/** With more members for the body (a message for the member, say). */
	public Throttled(ProblemType problem, String detail, long retryAfterSeconds, Map<String, Object> properties) {
		super(problem, detail, with(properties, Math.max(1, retryAfterSeconds)));
		this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
	}

	private static Map<String, Object> with(Map<String, Object> properties, long retryAfterSeconds) {
		var all = new java.util.HashMap<>(properties);
		all.put("retryAfterSeconds", retryAfterSeconds);
		return all;
	}

	public long retryAfterSeconds() {
		return retryAfterSeconds;
	}
}
