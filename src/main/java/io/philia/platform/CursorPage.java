package io.philia.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the cursor to the next one (absent on the last page). Cursors are opaque to
 * clients: base64url of the last item's sort key.
 */
public record CursorPage<T>(List<T> items, String nextCursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 200;

	/** Builds a page from up to {@code limit + 1} rows: the extra row only says that there is a next page. */
	public static <T> CursorPage<T> of(List<T> rows, int limit, Function<T, String> sortKey) {
		if (rows.size() <= limit) {
			return new CursorPage<>(rows, null);
		}
		List<T> page = rows.subList(0, limit);
		return new CursorPage<>(List.copyOf(page), encode(sortKey.apply(page.get(limit - 1))));
	}

	public static int limit(Integer requested) {
		if (requested == null) {
			return DEFAULT_LIMIT;
		}
		if (requested < 1 || requested > MAX_LIMIT) {
			throw InvalidRequest.of("limit", "must be between 1 and " + MAX_LIMIT);
		}
		return requested;
	}

	public static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	/** The sort key a cursor stands for, or null for the first page; a cursor we did not write is a 400. */
	public static String decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return null;
		}
		try {
			String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			if (!Ids.isValid(key)) {
				throw new IllegalArgumentException();
			}
			return key;
		}
		catch (IllegalArgumentException e) {
			throw InvalidRequest.of("cursor", "is not a cursor this API returned");
		}
	}
}
