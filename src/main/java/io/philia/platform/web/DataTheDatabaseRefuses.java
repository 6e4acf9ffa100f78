package io.philia.platform.web;

import java.sql.SQLException;

/**
 * A value the database cannot hold (SQLSTATE class 22, data exception) that only a request can have brought:
 * Spring reports it as a {@code DataIntegrityViolationException}, like a lost race, but retrying cannot help.
 * The checks at the edge refuse these values first, naming the field; this is the net under them, for what
 * reaches SQL some other way (a query parameter, a path). Unique and foreign-key violations (class 23) are
 * races and stay 409.
 *
 * <p>The same net for figures too large to compute: exact arithmetic ({@code Math.addExact},
 * {@code longValueExact}) overflowing on what a request sent, past the checks at the edge.
 */
public final class DataTheDatabaseRefuses {

	private DataTheDatabaseRefuses() {
	}

	/** What to tell the client, or null when the failure is not one of these. */
	public static String detail(Throwable failure) {
		int depth = 0;
		for (Throwable t = failure; t != null && depth < 20; t = next(t), depth++) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				switch (sql.getSQLState()) {
					case "22021", "22P05":
						return "The request holds text the database cannot store, such as the character U+0000";
					case "22008":
						return "A date or time in the request is outside the range the database stores";
					case "22003":
						return "A number in the request is outside the range the database stores";
					default:
						break;
				}
			}
		}
		return null;
	}

	/**
	 * Whether the failure is exact arithmetic that overflowed (a sum of points or money past a long): the
	 * request's figures, not a bug; other arithmetic failures (a division by zero) are bugs.
	 */
	public static boolean overflow(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof ArithmeticException arithmetic && arithmetic.getMessage() != null) {
				String message = arithmetic.getMessage().toLowerCase(java.util.Locale.ROOT);
				return message.contains("overflow") || message.contains("out of long range")
						|| message.contains("out of int range");
			}
		}
		return false;
	}

	/** A JDBC batch reports its statements' failures as the next exceptions, not as causes. */
	private static Throwable next(Throwable t) {
		if (t.getCause() == null && t instanceof SQLException sql) {
			return sql.getNextException();
		}
		return t.getCause();
	}
}
