package io.philia.rule.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.philia.rule.RuleDefinition.Validity;

/**
 * When a rule is in force: dates, days of the week and hours, read in the programme's time zone. Why an
 * event falls outside is written once per rule version: a rule out of season skips every event.
 */
record Window(LocalDate from, LocalDate until, Set<DayOfWeek> days, LocalTime start, LocalTime end,
		String beforeFrom, String afterUntil, String outsideHours) {

	static final Window ALWAYS = new Window(null, null, null, null, null, null, null, null);

	private static final String[] NOT_ON = new String[7];

	static {
		for (DayOfWeek day : DayOfWeek.values()) {
			NOT_ON[day.ordinal()] = "not in force on " + day.name().toLowerCase(Locale.ROOT);
		}
	}

	static Window of(Validity validity) {
		if (validity == null) {
			return ALWAYS;
		}
		Set<DayOfWeek> days = null;
		if (validity.daysOfWeek() != null) {
			days = EnumSet.noneOf(DayOfWeek.class);
			for (String day : validity.daysOfWeek()) {
				days.add(DefinitionCheck.dayOfWeek(day));
			}
		}
		LocalDate from = validity.from() == null ? null : LocalDate.parse(validity.from());
		LocalDate until = validity.until() == null ? null : LocalDate.parse(validity.until());
		LocalTime start = validity.hours() == null ? null : LocalTime.parse(validity.hours().from());
		LocalTime end = validity.hours() == null ? null : LocalTime.parse(validity.hours().until());
		return new Window(from, until, days, start, end, "not in force before " + from, "not in force after " + until,
				"in force from " + start + " to " + end + " only");
	}

	/** Null when the time is inside the window, else why not. */
	String outside(ZonedDateTime at) {
		LocalDate date = at.toLocalDate();
		if (from != null && date.isBefore(from)) {
			return beforeFrom;
		}
		if (until != null && date.isAfter(until)) {
			return afterUntil;
		}
		if (days != null && !days.contains(at.getDayOfWeek())) {
			return NOT_ON[at.getDayOfWeek().ordinal()];
		}
		if (start != null) {
			LocalTime time = at.toLocalTime();
			boolean inside = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
					: !time.isBefore(start) || time.isBefore(end);
			if (!inside) {
				return outsideHours;
			}
		}
		return null;
	}
}
