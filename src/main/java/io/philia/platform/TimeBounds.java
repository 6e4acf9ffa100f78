package io.philia.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The times a client may send: from 1970 to the end of 9999. Year +999999999 parses, then fails the
 * rules' date arithmetic, a programme's midnights and the databases' timestamps, as a 500 or a misleading
 * 409; refused at the edge instead, naming the field.
 */
public final class TimeBounds {

	public static final Instant EARLIEST = Instant.EPOCH;

	public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

	/** The last whole day a report may name: its periods end at the next midnight in any time zone. */
	public static final LocalDate LATEST_DAY = LATEST.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);

	private TimeBounds() {
	}

	/** The time, or null with the field at fault in {@code v} if it is outside the bounds. */
	public static Instant check(Violations v, String field, Instant at) {
		if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
			v.add(field, "must be between " + EARLIEST + " and " + LATEST);
			return null;
		}
		return at;
	}

	/** The day, or null with the field at fault in {@code v} if it is outside the bounds. */
	public static LocalDate check(Violations v, String field, LocalDate day) {
		LocalDate earliest = EARLIEST.atOffset(ZoneOffset.UTC).toLocalDate();
		if (day.isBefore(earliest) || day.isAfter(LATEST_DAY)) {
			v.add(field, "must be between " + earliest + " and " + LATEST_DAY);
			return null;
		}
		return day;
	}
}
