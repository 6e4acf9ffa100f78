package io.philia.platform;

import java.util.Map;

/** A refusal the API reports as problem+json: the kind of problem, a human detail, optional extra members. */
public class PhiliaException extends RuntimeException {

	private final ProblemType problem;

	private final Map<String, Object> properties;

	public PhiliaException(ProblemType problem, String detail) {
		this(problem, detail, Map.of());
	}

	public PhiliaException(ProblemType problem, String detail, Map<String, Object> properties) {
		super(detail);
		this.problem = problem;
		this.properties = Map.copyOf(properties);
	}

	public ProblemType problem() {
		return problem;
	}

	public Map<String, Object> properties() {
		return properties;
	}
}
