package io.philia.platform;

import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the RFC 9457 body for a problem type; the one place the shape of an error is decided. */
public final class Problems {

	private Problems() {
	}

	public static ProblemDetail of(ProblemType type, String detail, Map<String, Object> properties) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(type.status()), detail);
		problem.setType(type.type());
		problem.setTitle(type.title());
		problem.setProperty("code", "PHL-" + type.code());
		properties.forEach(problem::setProperty);
		return problem;
	}
}
