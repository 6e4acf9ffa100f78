package io.philia.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import io.philia.platform.ProblemType;

/**
 * Tomcat's own error report, for what it refuses before the application sees the request (a path with an
 * encoded {@code /}, NUL or bytes that are not UTF-8, a header over the size limit): a problem+json body
 * with a type, a title and the status, and nothing about the server. Everything that reaches the
 * application is answered by it ({@link ErrorsAsProblems}, the controllers' advice) and never gets here.
 */
public class ProblemReports extends ErrorReportValve {

	public ProblemReports() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(body(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException e) {
			// The client went away or the response was already under way: nothing more to say to it.
		}
	}

	/** Only constant text: the type's title and a fixed detail, never the request's own bytes. */
	static String body(int status) {
		ProblemType type = ErrorsAsProblems.typeFor(status);
		HttpStatus known = HttpStatus.resolve(status);
		String detail = status == 400
				? "The request was refused before it reached the API: its path, query string or headers are "
						+ "malformed (an encoded / or NUL, bytes that are not UTF-8) or too large"
				: known == null ? "HTTP " + status : known.getReasonPhrase();
		return "{\"type\":\"" + type.type() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
				+ ",\"detail\":\"" + detail + "\",\"code\":\"PHL-" + type.code() + "\"}";
	}
}
