package io.philia.event.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;

import io.philia.event.EventIngestion;
import io.philia.event.EventRequest;
import io.philia.event.EventResult;
import io.philia.platform.web.PayloadTooLarge;
import io.philia.platform.web.ProblemWriter;
import io.philia.program.StoreContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code POST /api/v1/events} below the MVC dispatch, after the API key filter, as
 * {@link io.philia.ledger.web.BalanceReads} does for balance reads: Spring MVC's message converters cost
 * more in reading the event and writing the answer than Jackson does (issue #3's profile: 23% of the
 * request's samples, against 4.5 µs in JMH for parsing and validating). The answer is the one
 * {@link EventController} gives: the application's JSON mapper both ways, 201 with {@code Idempotent-Replayed},
 * a refusal answered by the controllers' advice, and the same {@code uri} in the HTTP metrics.
 * A body that does not parse as an event, another Content-Type, charset or Accept header go on to the
 * controller (with the body read here replayed), which answers them as always.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class EventPosts extends OncePerRequestFilter {

	static final String PATH = "/api/v1/events";

	private final EventIngestion ingestion;

	private final ObjectReader reader;

	private final ObjectWriter writer;

	private final ProblemWriter problems;

	EventPosts(EventIngestion ingestion, JsonMapper json, ProblemWriter problems) {
		this.ingestion = ingestion;
		this.reader = json.readerFor(EventRequest.class);
		this.writer = json.writerFor(EventResult.class);
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())
				|| !isJson(request.getContentType()) || !acceptsJson(request.getHeader("Accept"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!(request.getAttribute(StoreContext.ATTRIBUTE) instanceof StoreContext store)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body;
		try {
			// With a Content-Length, exactly that many bytes: readAllBytes takes a 16 KB buffer per request
			// first, the largest allocation of the hot path (JFR).
			int length = request.getContentLength();
			body = length >= 0 ? request.getInputStream().readNBytes(length) : request.getInputStream().readAllBytes();
		}
		catch (PayloadTooLarge e) {
			// As the controller's converter would have failed on it.
			problems.write(request, response, new HttpMessageNotReadableException(e.getMessage(), e, null));
			return;
		}
		EventRequest event = parse(body);
		if (event == null) {
			chain.doFilter(new Replayed(request, body), response);
			return;
		}
		ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(PATH));
		EventIngestion.Ingested ingested;
		try {
			ingested = ingestion.ingest(store, request.getHeader("Idempotency-Key"), event);
		}
		catch (RuntimeException e) {
			problems.write(request, response, e);
			return;
		}
		byte[] answer = writer.writeValueAsBytes(ingested.result());
		response.setStatus(HttpServletResponse.SC_CREATED);
		response.setHeader("Idempotent-Replayed", String.valueOf(ingested.replayed()));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(answer.length);
		response.getOutputStream().write(answer);
	}

	/** The event, or null when the body is not one: the controller then answers why, as it always has. */
	private EventRequest parse(byte[] body) {
		try {
			return reader.readValue(body);
		}
		catch (JacksonException e) {
			return null;
		}
	}

	/** JSON in UTF-8, the only charset Jackson's detection and the controller's converter agree on unasked. */
	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		int semicolon = contentType.indexOf(';');
		String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
		if (!type.equalsIgnoreCase(MediaType.APPLICATION_JSON_VALUE)) {
			return false;
		}
		String parameters = semicolon < 0 ? "" : contentType.substring(semicolon + 1).trim().toLowerCase();
		return parameters.isEmpty() || parameters.equals("charset=utf-8") || parameters.equals("charset=\"utf-8\"");
	}

	private static boolean acceptsJson(String accept) {
		return accept == null || accept.equals("*/*") || accept.equals(MediaType.APPLICATION_JSON_VALUE);
	}

	/** The request with its body, already read here, to be read again by the controller. */
	private static final class Replayed extends HttpServletRequestWrapper {

		private final byte[] body;

		Replayed(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			var in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body is already in memory");
				}
			};
		}
	}
}
