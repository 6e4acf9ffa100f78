package io.philia.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import io.philia.platform.ProblemType;
import io.philia.platform.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem+json answer from a servlet filter, where the controller advice cannot reach. */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	private final ProblemHandling handling;

	ProblemWriter(JsonMapper json, ProblemHandling handling) {
		this.json = json;
		this.handling = handling;
	}

	/** A problem of the filter's own, with the request's path as its instance, as MVC adds it. */
	public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
			throws IOException {
		ProblemDetail problem = Problems.of(type, detail, Map.of());
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(type.status());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Answers an exception as the controllers' advice does: the same status, headers and body, with the
	 * request's path as the problem's instance, as MVC adds it.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response, Exception e) throws IOException {
		ResponseEntity<ProblemDetail> answer = handling.answerTo(e);
		ProblemDetail problem = answer.getBody();
		if (problem != null && problem.getInstance() == null) {
			problem.setInstance(URI.create(request.getRequestURI()));
		}
		response.setStatus(answer.getStatusCode().value());
		answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		json.writeValue(response.getOutputStream(), problem);
	}
}
