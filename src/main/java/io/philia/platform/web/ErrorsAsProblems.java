package io.philia.platform.web;

import java.net.URI;
import java.util.Map;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.philia.platform.PlatformProblems;
import io.philia.platform.ProblemType;
import io.philia.platform.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors raised outside Spring MVC (by the servlet container) are problem+json too. An exception a filter
 * threw (Tomcat failing to decode a form body in Spring's {@code FormContentFilter}) is answered as the
 * controllers' advice answers it, not as a 500.
 */
@RestController
class ErrorsAsProblems implements ErrorController {

	private final ProblemHandling handling;

	ErrorsAsProblems(ProblemHandling handling) {
		this.handling = handling;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Throwable thrown = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		while (thrown instanceof ServletException servlet && servlet.getRootCause() != null) {
			thrown = servlet.getRootCause();
		}
		if (thrown instanceof Exception e) {
			ResponseEntity<ProblemDetail> answer = handling.answerTo(e);
			if (answer.getBody() != null) {
				answer.getBody().setInstance(originalPath(request));
			}
			return answer;
		}
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		HttpStatus known = HttpStatus.resolve(status);
		ProblemDetail body = Problems.of(typeFor(status), known == null ? "HTTP " + status : known.getReasonPhrase(),
				Map.of());
		body.setStatus(status);
		return ResponseEntity.status(status).body(body);
	}

	/** The path the client asked for, as the controllers' problems name it, rather than /error. */
	private static URI originalPath(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		try {
			return uri instanceof String path ? URI.create(path) : null;
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The problem type of a bare status, which the container gives without saying more. */
	static ProblemType typeFor(int status) {
		return switch (status) {
			case 404 -> PlatformProblems.NOT_FOUND;
			case 405 -> PlatformProblems.METHOD_NOT_ALLOWED;
			case 413 -> PlatformProblems.PAYLOAD_TOO_LARGE;
			case 415 -> PlatformProblems.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> PlatformProblems.SERVICE_UNAVAILABLE;
			default -> status >= 400 && status < 500 ? HttpProblems.BAD_REQUEST : PlatformProblems.INTERNAL;
		};
	}
}
