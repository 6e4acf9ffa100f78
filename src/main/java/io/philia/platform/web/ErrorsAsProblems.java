package io.philia.platform.web;

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
import jakarta.servlet.http.HttpServletRequest;

/** Errors raised outside Spring MVC (by the servlet container) are problem+json too. */
@RestController
class ErrorsAsProblems implements ErrorController {

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		ProblemType type = switch (status) {
			case 404 -> PlatformProblems.NOT_FOUND;
			case 405 -> PlatformProblems.METHOD_NOT_ALLOWED;
			case 413 -> PlatformProblems.PAYLOAD_TOO_LARGE;
			case 415 -> PlatformProblems.UNSUPPORTED_MEDIA_TYPE;
			case 503 -> PlatformProblems.SERVICE_UNAVAILABLE;
			default -> status >= 400 && status < 500 ? PlatformProblems.VALIDATION : PlatformProblems.INTERNAL;
		};
		ProblemDetail body = Problems.of(type, HttpStatus.valueOf(status).getReasonPhrase(), Map.of());
		body.setStatus(status);
		return ResponseEntity.status(status).body(body);
	}
}
