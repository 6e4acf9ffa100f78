package io.philia.rule.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.philia.rule.EarningContext.Line;
import io.philia.rule.internal.CompiledRule.LineFilter;

/**
 * An order's lines by SKU, category and brand, built once per event: an effect on some lines looks up
 * the one or two names of its filter instead of testing every line (200 rules × 20 lines). The lines
 * matched are bits, line {@code i} at bit {@code i % 64} of word {@code i / 64}.
 */
final class LineIndex {

	private final Map<String, long[]> skus = new HashMap<>();

	private final Map<String, long[]> categories = new HashMap<>();

	private final Map<String, long[]> brands = new HashMap<>();

	private final int words;

	LineIndex(List<Line> lines) {
		words = (lines.size() + 63) / 64;
		for (int i = 0; i < lines.size(); i++) {
			Line line = lines.get(i);
			add(skus, line.sku(), i);
			add(categories, line.category(), i);
			add(brands, line.brand(), i);
		}
	}

	private final Map<LineFilter, long[]> matched = new HashMap<>();

	/** The lines whose SKU, category or brand the filter lists; rules often share a filter (×3 on wine). */
	long[] matching(LineFilter filter) {
		return matched.computeIfAbsent(filter, this::lookUp);
	}

	private long[] lookUp(LineFilter filter) {
		long[] bits = new long[words];
		or(bits, skus, filter.skus());
		or(bits, categories, filter.categories());
		or(bits, brands, filter.brands());
		return bits;
	}

	static boolean has(long[] bits, int line) {
		return (bits[line >>> 6] & 1L << line) != 0;
	}

	private void add(Map<String, long[]> index, String name, int line) {
		if (name != null) {
			index.computeIfAbsent(name, n -> new long[words])[line >>> 6] |= 1L << line;
		}
	}

	private static void or(long[] bits, Map<String, long[]> index, Set<String> names) {
		for (String name : names) {
			long[] lines = index.get(name);
			if (lines != null) {
				for (int w = 0; w < bits.length; w++) {
					bits[w] |= lines[w];
				}
			}
		}
	}
}
