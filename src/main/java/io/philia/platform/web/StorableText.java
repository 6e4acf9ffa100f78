package io.philia.platform.web;

/**
 * Text both databases store as it was sent. PostgreSQL refuses the character U+0000 in text (H2 takes it,
 * so the two would disagree) and writes a lone UTF-16 surrogate as {@code ?}, so that two different
 * external ids would become one.
 */
final class StorableText {

	static final String NUL = "must not contain the character U+0000";

	static final String LONE_SURROGATE = "must be valid Unicode (it holds half of a surrogate pair)";

	private StorableText() {
	}

	/** Why the text cannot be stored, or null when it can: one pass, no allocation. */
	static String fault(String text) {
		for (int i = 0, n = text.length(); i < n; i++) {
			char c = text.charAt(i);
			if (c == 0) {
				return NUL;
			}
			if (Character.isSurrogate(c)) {
				if (!Character.isHighSurrogate(c) || i + 1 == n || !Character.isLowSurrogate(text.charAt(i + 1))) {
					return LONE_SURROGATE;
				}
				i++;
			}
		}
		return null;
	}
}
