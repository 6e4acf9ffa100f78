package io.philia.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): ids sort by creation time, so cursors over them page in
 * creation order and B-tree inserts stay at the right edge of the index.
 *
 * <p>Within one millisecond the 12 bits after the time hold a counter (RFC 9562, 6.2, method 1)
 * rather than random bits: ids made one after the other in this process sort in the order they were
 * made, which histories ordered by id rely on when a micro-batch books many entries in the same
 * millisecond. A full counter borrows the next millisecond, and a clock set back never makes an id
 * sort before an earlier one.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The last id's millisecond and counter, as {@code millis << 12 | counter}. */
	private static final AtomicLong LAST = new AtomicLong();

	private Ids() {
	}

	public static String next(Clock clock) {
		long floor = clock.millis() << 12;
		long stamp = LAST.updateAndGet(last -> Math.max(last + 1, floor));
		long millis = stamp >>> 12;
		long counter = stamp & 0xFFF;
		long msb = (millis << 16) | (0x7L << 12) | counter;
		long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(msb, lsb).toString();
	}

	/** True if the text is a UUID in its canonical form; ids from outside are checked before any query. */
	public static boolean isValid(String id) {
		if (id == null || id.length() != 36) {
			return false;
		}
		// The canonical 8-4-4-4-12 hex form, checked by hand: every event checks several ids (issue #3).
		for (int i = 0; i < 36; i++) {
			char c = id.charAt(i);
			boolean valid = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : Character.digit(c, 16) >= 0 && c < 128;
			if (!valid) {
				return false;
			}
		}
		return true;
	}
}
