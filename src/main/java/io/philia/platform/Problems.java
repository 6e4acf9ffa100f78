package io.philia.platform;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import io.philia.platform.web.DataTheDatabaseRefuses;
import io.philia.platform.web.HttpProblems;
import tools.jackson.core.JacksonException;

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

	/**
	 * The problem an exception answers with, for an answer that carries several outcomes (a batch of
	 * events): a refusal its own problem, the database being away a 503, a lost race a 409, anything else
	 * a 500 (a bug, which the caller logs).
	 */
	/** The detail of {@link PlatformProblems#TOO_LARGE_TO_COMPUTE}. */
	public static final String TOO_LARGE = "The amounts or points of this request are too large to compute; nothing was written";

	public static ProblemDetail of(RuntimeException e) {
		if (e instanceof PhiliaException refused) {
			return of(refused.problem(), refused.getMessage(), refused.properties());
		}
		if (databaseUnavailable(e)) {
			return of(PlatformProblems.SERVICE_UNAVAILABLE, "The database is unavailable; retry in a few seconds",
					Map.of());
		}
		String refused = DataTheDatabaseRefuses.detail(e);
		if (refused != null) {
			return of(HttpProblems.BAD_REQUEST, refused, Map.of());
		}
		if (DataTheDatabaseRefuses.overflow(e)) {
			return of(PlatformProblems.TOO_LARGE_TO_COMPUTE, TOO_LARGE, Map.of());
		}
		if (e instanceof DataIntegrityViolationException) {
			return of(PlatformProblems.CONFLICT, "Another request changed the same data at the same moment", Map.of());
		}
		return of(PlatformProblems.INTERNAL, "An unexpected error occurred; it has been logged", Map.of());
	}

	/** The database could not be reached or answered in time: retrying later may succeed. */
	public static boolean databaseUnavailable(Throwable e) {
		if (e instanceof CannotGetJdbcConnectionException || e instanceof CannotCreateTransactionException
				|| e instanceof DataAccessResourceFailureException || e instanceof QueryTimeoutException
				|| e instanceof TransactionSystemException || e instanceof TransientDataAccessException) {
			return true;
		}
		// SQLSTATE class 08: the connection broke (the server went away mid-request).
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

	/** Jackson's path as the field names a client wrote: {@code order.lines[0].quantity}. */
	public static String fieldPath(List<JacksonException.Reference> references) {
		return references.stream()
			.map(r -> r.getPropertyName() != null ? "." + r.getPropertyName() : "[" + r.getIndex() + "]")
			.collect(Collectors.joining())
			.replaceFirst("^\\.", "");
	}
}
