package io.philia.platform;

/** Problems any endpoint can answer with. */
public final class PlatformProblems {

	public static final ProblemType VALIDATION = new ProblemType("validation", 1001, 400, "The request is invalid");

	public static final ProblemType MALFORMED_JSON = new ProblemType("malformed-json", 1002, 400,
			"The request body is not a JSON document of the expected shape");

	public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 1003, 413,
			"The request body is too large");

	public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", 1004, 415,
			"The request body must be application/json");

	public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", 1005, 405,
			"This method is not allowed here");

	public static final ProblemType NOT_FOUND = new ProblemType("not-found", 1006, 404, "No such resource");

	public static final ProblemType IDEMPOTENCY_KEY_REUSED = new ProblemType("idempotency-key-reused", 1007, 409,
			"This Idempotency-Key was already used with another request body");

	public static final ProblemType IDEMPOTENCY_KEY_MISSING = new ProblemType("idempotency-key-missing", 1008, 400,
			"This request needs an Idempotency-Key header");

	public static final ProblemType UNAUTHENTICATED = new ProblemType("unauthenticated", 1009, 401,
			"A valid API key is required");

	public static final ProblemType SERVICE_UNAVAILABLE = new ProblemType("service-unavailable", 1010, 503,
			"The service is temporarily unavailable");

	public static final ProblemType INTERNAL = new ProblemType("internal", 1011, 500, "Unexpected error");

	public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", 1012, 406,
			"This resource is only available as JSON");

	public static final ProblemType CONCURRENT_REQUEST = new ProblemType("concurrent-request", 1013, 409,
			"Another request with this Idempotency-Key is in progress");

	public static final ProblemType CONFLICT = new ProblemType("conflict", 1014, 409,
			"The request conflicts with the current state; read it again and retry");

	public static final ProblemType TOO_LARGE_TO_COMPUTE = new ProblemType("too-large-to-compute", 1016, 422,
			"A figure of the request is too large to compute");

	private PlatformProblems() {
	}
}
