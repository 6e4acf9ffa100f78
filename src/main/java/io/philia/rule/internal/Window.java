package io.philia.rule.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

import io.philia.rule.RuleDefinition.Validity;

/** When a rule is in force: dates, days of the week and hours, read in the programme's time zone. */
record Window(LocalDate from, LocalDate until, Set<DayOfWeek> days, LocalTime start, LocalTime end) {

	static final Window ALWAYS = new Window(null, null, null, null, null);

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
		return new Window(validity.from() == null ? null : LocalDate.parse(validity.from()),
				validity.until() == null ? null : LocalDate.parse(validity.until()), days,
				validity.hours() == null ? null : LocalTime.parse(validity.hours().from()),
				validity.hours() == null ? null : LocalTime.parse(validity.hours().until()));
	}

	/** Null when the time is inside the window, else why not. */
	String outside(ZonedDateTime at) {
		LocalDate date = at.toLocalDate();
		if (from != null && date.isBefore(from)) {
			return "not in force before " + from;
		}
		if (until != null && date.isAfter(until)) {
			return "not in force after " + until;
		}
		if (days != null && !days.contains(at.getDayOfWeek())) {
			return "not in force on " + at.getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT);
		}
		if (start != null) {
			LocalTime time = at.toLocalTime();
			boolean inside = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
					: !time.isBefore(start) || time.isBefore(end);
			if (!inside) {
				return "in force from " + start + " to " + end + " only";
			}
		}
		return null;
	}
}
