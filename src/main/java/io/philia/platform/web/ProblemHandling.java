package io.philia.platform.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.philia.platform.FieldViolation;
import io.philia.platform.InvalidRequest;
import io.philia.platform.PhiliaException;
import io.philia.platform.PlatformProblems;
import io.philia.platform.ProblemType;
import io.philia.platform.Problems;
import io.philia.platform.Throttled;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * The one place where exceptions become RFC 9457 answers. Business refusals carry their own problem
 * type; framework and database failures are mapped here; nothing leaks a stack trace.
 */
@RestControllerAdvice
class ProblemHandling {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

	private static final ExceptionHandlerMethodResolver HANDLERS = new ExceptionHandlerMethodResolver(
			ProblemHandling.class);

	/**
	 * The answer the handler below that MVC would pick gives to an exception: for the filters that answer
	 * a hot path below the dispatch, so that a refusal reads the same whichever way it was served.
	 */
	@SuppressWarnings("unchecked")
	ResponseEntity<ProblemDetail> answerTo(Exception e) {
		// Every handler takes the exception alone, and Exception.class has one: the match is always e itself.
		Method handler = HANDLERS.resolveMethodByThrowable(e);
		ReflectionUtils.makeAccessible(handler);
		return (ResponseEntity<ProblemDetail>) ReflectionUtils.invokeMethod(handler, this, e);
	}

	@ExceptionHandler(PhiliaException.class)
	ResponseEntity<ProblemDetail> refused(PhiliaException e) {
		if (e instanceof Throttled throttled) {
			return ResponseEntity.status(e.problem().status())
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()))
				.body(Problems.of(e.problem(), e.getMessage(), e.properties()));
		}
		return answer(e.problem(), e.getMessage(), e.properties());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		Throwable cause = e.getMostSpecificCause();
		if (cause instanceof PayloadTooLarge tooLarge) {
			return answer(PlatformProblems.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), Map.of());
		}
		if (cause instanceof UnstorableText text) {
			return invalid(InvalidRequest.of(Problems.fieldPath(text.getPath()), text.reason()));
		}
		if (cause instanceof StreamReadException read && duplicateName(read) != null) {
			return invalid(InvalidRequest.of(duplicateName(read), "is given more than once"));
		}
		if (cause instanceof DatabindException bind && !bind.getPath().isEmpty()) {
			String field = Problems.fieldPath(bind.getPath());
			String message = expected(bind);
			return answer(PlatformProblems.VALIDATION, field + " " + message,
					Map.of("errors", List.of(new FieldViolation(field, message))));
		}
		if (cause instanceof MismatchedInputException mismatch && notAnObject(mismatch.getCurrentToken()) != null) {
			return answer(PlatformProblems.MALFORMED_JSON,
					"The body must be a JSON object, not " + notAnObject(mismatch.getCurrentToken()), Map.of());
		}
		if (cause instanceof IllegalArgumentException && e.getCause() != null) {
			// A form body Spring decodes itself (FormContentFilter, on PUT, PATCH and DELETE): URLDecoder's refusal.
			return undecodable();
		}
		if (cause instanceof StreamReadException || cause instanceof JacksonException) {
			return answer(PlatformProblems.MALFORMED_JSON, "The body could not be parsed as JSON", Map.of());
		}
		return answer(PlatformProblems.MALFORMED_JSON, "A JSON request body is required", Map.of());
	}

	/**
	 * The field a body gives twice ({@code StreamReadFeature.STRICT_DUPLICATE_DETECTION}), read from where the
	 * parser stopped: the name is the last it read.
	 */
	private static String duplicateName(StreamReadException e) {
		String message = e.getOriginalMessage();
		if (message == null || !message.startsWith("Duplicate Object property") || !(e.processor() instanceof JsonParser parser)) {
			return null;
		}
		return JsonPaths.of(parser.streamReadContext());
	}

	/** What the field must be, as far as the type Jackson wanted says: "must be a whole number" for 12.5. */
	private static String expected(DatabindException e) {
		Class<?> type = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
		if (type == null) {
			return "has the wrong type";
		}
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class
				|| type == short.class || type == Short.class || type == java.math.BigInteger.class) {
			return "must be a whole number";
		}
		if (type == boolean.class || type == Boolean.class) {
			return "must be true or false";
		}
		if (type == String.class) {
			return "must be a string";
		}
		if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "must be a list";
		}
		return "has the wrong type";
	}

	/** What a body that should be an object was instead, or null if it was none of these (an empty body). */
	private static String notAnObject(JsonToken token) {
		if (token == null) {
			return null;
		}
		return switch (token) {
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			default -> null;
		};
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		if (e.getContentType() == null) {
			// The header did not parse (an unknown charset, a malformed parameter): Spring says why in its message.
			return answer(PlatformProblems.UNSUPPORTED_MEDIA_TYPE,
					"The Content-Type header could not be read (" + e.getMessage() + "); send application/json",
					Map.of());
		}
		return answer(PlatformProblems.UNSUPPORTED_MEDIA_TYPE,
				"Send the body as application/json, not " + e.getContentType(), Map.of());
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
		return answer(PlatformProblems.NOT_ACCEPTABLE, "Accept application/json", Map.of());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		return answer(PlatformProblems.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here", Map.of());
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
		return answer(PlatformProblems.NOT_FOUND, "Nothing is at /" + e.getResourcePath(), Map.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> argumentType(MethodArgumentTypeMismatchException e) {
		return invalid(new InvalidRequest(List.of(new FieldViolation(e.getName(), "has the wrong type"))));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
		return invalid(InvalidRequest.of(e.getParameterName(), "is required"));
	}

	/**
	 * Tomcat decodes a query string or a form body when a parameter is first asked for: a malformed
	 * percent-encoding ({@code %zz}, a lone {@code %}) fails there, in a filter or in MVC.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> undecodableParameters(InvalidParameterException e) {
		return undecodable();
	}

	private static ResponseEntity<ProblemDetail> undecodable() {
		return answer(HttpProblems.BAD_REQUEST, "The query string or form body could not be decoded: "
				+ "percent-encoding is % and two hexadecimal digits (%25 for % itself), in UTF-8", Map.of());
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
		return invalid(InvalidRequest.of(e.getHeaderName(), "header is required"));
	}

	@ExceptionHandler({ CannotGetJdbcConnectionException.class, CannotCreateTransactionException.class,
			DataAccessResourceFailureException.class, QueryTimeoutException.class, TransactionSystemException.class })
	ResponseEntity<ProblemDetail> databaseDown(Exception e) {
		log.warn("Database unavailable: {}", e.getMessage());
		ProblemType type = PlatformProblems.SERVICE_UNAVAILABLE;
		return ResponseEntity.status(type.status())
			.header(HttpHeaders.RETRY_AFTER, "5")
			.body(Problems.of(type, "The database is unavailable; retry in a few seconds", Map.of()));
	}

	/**
	 * A constraint the database enforced and the code did not check first (two concurrent writes of the
	 * same unique value): the request lost a race, it did not break anything. A value the database cannot
	 * hold at all is the request's fault, not a race ({@link DataTheDatabaseRefuses}).
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
		String refused = DataTheDatabaseRefuses.detail(e);
		if (refused != null) {
			log.info("Value refused by the database answered as 400: {}", e.getMostSpecificCause().getMessage());
			return answer(HttpProblems.BAD_REQUEST, refused, Map.of());
		}
		log.warn("Constraint violation answered as 409: {}", e.getMostSpecificCause().getMessage());
		return answer(PlatformProblems.CONFLICT, "Another request changed the same data at the same moment", Map.of());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		if (lostConnection(e)) {
			return databaseDown(e);
		}
		String refused = DataTheDatabaseRefuses.detail(e);
		if (refused != null) {
			log.info("Value refused by the database answered as 400: {}", e.getMessage());
			return answer(HttpProblems.BAD_REQUEST, refused, Map.of());
		}
		if (DataTheDatabaseRefuses.overflow(e)) {
			log.info("Figures too large to compute answered as 422: {}", e.getMessage());
			return answer(PlatformProblems.TOO_LARGE_TO_COMPUTE, Problems.TOO_LARGE, Map.of());
		}
		log.error("Unexpected error", e);
		return answer(PlatformProblems.INTERNAL, "An unexpected error occurred; it has been logged", Map.of());
	}

	/** SQLSTATE class 08: the connection to the database broke (the server went away mid-request). */
	private static boolean lostConnection(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	private ResponseEntity<ProblemDetail> invalid(InvalidRequest e) {
		return refused(e);
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemType type, String detail, Map<String, Object> properties) {
		return ResponseEntity.status(type.status()).body(Problems.of(type, detail, properties));
	}
}
