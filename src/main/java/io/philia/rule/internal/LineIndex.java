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

	private final List<Line> lines;

	private final int words;

	private long[] amounts;

	private long allAmounts;

	LineIndex(List<Line> lines) {
		this.lines = lines;
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
		long[] bits = matched.get(filter);
		if (bits == null) {
			bits = lookUp(filter);
			matched.put(filter, bits);
		}
		return bits;
	}

	private long[] lookUp(LineFilter filter) {
		long[] bits = new long[words];
		or(bits, skus, filter.skus());
		or(bits, categories, filter.categories());
		or(bits, brands, filter.brands());
		return bits;
	}

	/** The sum of the lines' amounts; like {@link #amount}, fails as {@link Line#amountMinor} does. */
	long allAmounts() {
		amounts();
		return allAmounts;
	}

	/** The sum of the amounts of the lines whose bits are set: a filter matches a few lines of many. */
	long amount(long[] bits) {
		long[] each = amounts();
		long sum = 0;
		for (int w = 0; w < bits.length; w++) {
			for (long word = bits[w]; word != 0; word &= word - 1) {
				sum += each[w << 6 | Long.numberOfTrailingZeros(word)];
			}
		}
		return sum;
	}

	/** The quantities of the lines whose bits are set, added up. */
	long units(long[] bits) {
		long sum = 0;
		for (int w = 0; w < bits.length; w++) {
			for (long word = bits[w]; word != 0; word &= word - 1) {
				sum += lines.get(w << 6 | Long.numberOfTrailingZeros(word)).quantity();
			}
		}
		return sum;
	}

	private long[] amounts() {
		if (amounts == null) {
			long[] each = new long[lines.size()];
			long all = 0;
			for (int i = 0; i < each.length; i++) {
				each[i] = lines.get(i).amountMinor();
				all += each[i];
			}
			allAmounts = all;
			amounts = each;
		}
		return amounts;
	}

	private void add(Map<String, long[]> index, String name, int line) {
		if (name != null) {
			long[] bits = index.get(name);
			if (bits == null) {
				bits = new long[words];
				index.put(name, bits);
			}
			bits[line >>> 6] |= 1L << line;
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
