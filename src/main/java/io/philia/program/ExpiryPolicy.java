package io.philia.program;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * When earned points expire, as a programme sets it. Four policies, all used in the field:
 * {@code none}; {@code after-earning} (usable for {@code months} months after the day they were
 * earned); {@code fixed-date} (usable until a day of the year, {@code date} as MM-DD, of the year of
 * earning plus {@code yearsAfter}: "31 December of the next year" is {@code 12-31} and 1); and
 * {@code inactivity} (all of a member's points expire after {@code months} months without activity).
 *
 * <p>Points are usable until the end of their last day in the programme's time zone and expire at the
 * midnight that follows it. A policy applies to points earned while it is in force.
 */
public record ExpiryPolicy(String policy, Integer months, String date, Integer yearsAfter) {

	public static final ExpiryPolicy NONE = new ExpiryPolicy("none", null, null, null);

	public static final int MAX_MONTHS = 240;

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	public ExpiryPolicy {
		if (policy == null) {
			throw new IllegalArgumentException("must name a policy: none, after-earning, fixed-date or inactivity");
		}
		switch (policy) {
			case "none" -> {
				months = null;
				date = null;
				yearsAfter = null;
			}
			case "after-earning", "inactivity" -> {
				requireMonths(months);
				date = null;
				yearsAfter = null;
			}
			case "fixed-date" -> {
				monthDay(date);
				yearsAfter = yearsAfter == null ? 0 : yearsAfter;
				if (yearsAfter < 0 || yearsAfter > 20) {
					throw new IllegalArgumentException("yearsAfter must be from 0 to 20");
				}
				months = null;
			}
			default -> throw new IllegalArgumentException(
					"must be one of none, after-earning, fixed-date, inactivity, not \"" + policy + "\"");
		}
	}

	/** True when points expire after months without activity rather than on a date of their own. */
	@JsonIgnore
	public boolean byInactivity() {
		return policy.equals("inactivity");
	}

	/** The last day points earned on {@code earnedOn} can be used, or null if they have no date of their own. */
	public LocalDate lastDay(LocalDate earnedOn) {
		return switch (policy) {
			case "after-earning" -> earnedOn.plusMonths(months);
			case "fixed-date" -> {
				// The year first, then the day: 29 February stays the 29th in leap years, the 28th otherwise.
				MonthDay day = monthDay(date);
				int year = day.atYear(earnedOn.getYear()).isBefore(earnedOn) ? earnedOn.getYear() + 1 : earnedOn.getYear();
				yield day.atYear(year + yearsAfter);
			}
			default -> null;
		};
	}

	/** Under the inactivity policy, the last day of a member whose last activity was on {@code lastActive}. */
	public LocalDate lastDayAfterActivity(LocalDate lastActive) {
		return lastActive.plusMonths(months);
	}

	/** Points whose last day is {@code lastDay} expire at the midnight that ends it, in the programme's zone. */
	public static Instant expiresAt(LocalDate lastDay, ZoneId zone) {
		return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
	}

	private static void requireMonths(Integer months) {
		if (months == null || months < 1 || months > MAX_MONTHS) {
			throw new IllegalArgumentException("months must be from 1 to " + MAX_MONTHS);
		}
	}

	private static MonthDay monthDay(String date) {
		if (date == null || !date.matches("\\d\\d-\\d\\d")) {
			throw new IllegalArgumentException("date must be a day of the year as MM-DD, such as 12-31");
		}
		try {
			return MonthDay.parse(date, MONTH_DAY);
		}
		catch (DateTimeException e) {
			throw new IllegalArgumentException("date " + date + " is not a day of the year");
		}
	}
}
