package io.philia.platform;

import java.util.Collection;

/**
 * The values a statement reads for a whole micro-batch, bound as one array parameter of
 * {@code column = any(?)} rather than as an {@code in (…)} list: one statement text whatever the batch's
 * size, which each connection soon runs with a generic plan (after five executions) and the same index
 * look-up. The in-lists, padded to five sizes, were planned at nearly every call on PostgreSQL (120–375 µs
 * a plan, measured for issue #3 with {@code pg_stat_statements}). H2 reads the same text.
 */
public final class AnyOf {

	private AnyOf() {
	}

	/** The distinct values, as the array to bind. */
	public static String[] values(Collection<String> values) {
		return values.stream().distinct().toArray(String[]::new);
	}
}
