package io.philia.platform;

import java.util.ArrayList;
import java.util.List;

/**
 * The values of a statement's {@code in (…)} list, for reads of a whole micro-batch: cut in chunks of at
 * most 128 and each padded with its last value to 1, 4, 16, 64 or 128, so that a handful of statement
 * texts serve every batch size and each is prepared once per connection.
 */
public final class InLists {

	static final int CHUNK = 128;

	private InLists() {
	}

	/** The distinct values in chunks, each padded to its size. */
	public static List<List<String>> padded(List<String> values) {
		List<String> distinct = values.stream().distinct().toList();
		var chunks = new ArrayList<List<String>>();
		for (int from = 0; from < distinct.size(); from += CHUNK) {
			var chunk = new ArrayList<>(distinct.subList(from, Math.min(distinct.size(), from + CHUNK)));
			int size = paddedSize(chunk.size());
			while (chunk.size() < size) {
				chunk.add(chunk.getLast());
			}
			chunks.add(chunk);
		}
		return chunks;
	}

	/** {@code ?, ?, ?} for a chunk. */
	public static String marks(List<String> chunk) {
		return "?, ".repeat(chunk.size() - 1) + "?";
	}

	static int paddedSize(int values) {
		int size = 1;
		while (size < values) {
			size = size == 64 ? CHUNK : size * 4;
		}
		return size;
	}
}
