package io.philia.platform;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Time-ordered UUIDs (RFC 9562 version 7): ids sort by creation time, so cursors over them page in
 * creation order and B-tree inserts stay at the right edge of the index.
 */
public final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	public static String next(Clock clock) {
		long millis = clock.millis();
		long randA = RANDOM.nextInt(1 << 12);
		long msb = (millis << 16) | (0x7L << 12) | randA;
		long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(msb, lsb).toString();
	}

	/** True if the text is a UUID in its canonical form; ids from outside are checked before any query. */
	public static boolean isValid(String id) {
		if (id == null || id.length() != 36) {
			return false;
		}
		try {
			return UUID.fromString(id).toString().equals(id.toLowerCase());
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}
}
