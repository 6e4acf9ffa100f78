package io.philia.platform;

import java.util.List;
import java.util.Map;

/** A request refused for its content, with every field at fault (not just the first). */
public class InvalidRequest extends PhiliaException {

	private final List<FieldViolation> violations;

	public InvalidRequest(List<FieldViolation> violations) {
		super(PlatformProblems.VALIDATION, summary(violations), Map.of("errors", List.copyOf(violations)));
		this.violations = List.copyOf(violations);
	}

	public static InvalidRequest of(String field, String message) {
		return new InvalidRequest(List.of(new FieldViolation(field, message)));
	}

	public List<FieldViolation> violations() {
		return violations;
	}

	private static String summary(List<FieldViolation> violations) {
		return violations.size() == 1 ? violations.get(0).field() + " " + violations.get(0).message()
				: violations.size() + " fields are invalid";
	}
}
