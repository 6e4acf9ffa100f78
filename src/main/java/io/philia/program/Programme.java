package io.philia.program;

import java.time.Instant;
import java.time.ZoneId;

/**
 * A loyalty programme: the tenant. Its time zone decides calendar rules; its locale, default texts; its
 * settings, the points lifecycle (return window, expiry, debt, cost per point, transfers).
 */
public record Programme(String id, String name, String pointsName, ZoneId timeZone, String defaultLocale,
		Instant createdAt, ProgrammeSettings settings) {

	/** The terms of points earned outside any store (enrolment bonuses, adjustments, restores). */
	public PointsTerms terms() {
		return new PointsTerms(timeZone, settings.returnWindow(), settings.expiry(), settings.debt());
	}
}
