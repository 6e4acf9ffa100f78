package io.philia.platform;

import java.util.ArrayList;
import java.util.Collection;

/**
 * The values a statement reads for a whole micro-batch, bound as one array parameter of
 * {@code column = any(?)} rather than as an {@code in (…)} list: one statement text whatever the batch's
 * size, which PostgreSQL can keep on a generic plan (the same index look-up) after a connection's first
 * five runs. Its generic plan counts ten values in an array parameter: a custom plan for fewer looks
 * cheaper, and it would then plan every call anew (120–375 µs a plan here, measured for issue #3 with
 * {@code pg_stat_statements}: the balances locked ahead, one to three repeat customers a batch, were
 * planned at 2,238 of 2,286 calls). So the values are padded to at least {@value #AT_LEAST} with the last
 * one; a repeated value costs the look-up nothing. H2 reads the same text.
 */
public final class AnyOf {

	static final int AT_LEAST = 16;

	private AnyOf() {
	}

	/** The distinct values, padded, as the array to bind; empty for none. */
	public static String[] values(Collection<String> values) {
		var distinct = new ArrayList<>(values.stream().distinct().toList());
		while (!distinct.isEmpty() && distinct.size() < AT_LEAST) {
			distinct.add(distinct.getLast());
		}
		return distinct.toArray(String[]::new);
	}
}
